import { fileURLToPath } from "node:url";
import { OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_LIMITS, type Limits } from "@kyocho/core/limits";
import type { Council } from "@kyocho/council";
import type { AssessmentStore } from "@kyocho/store";
import { AssessmentRuns } from "./assessment-runs.js";
import { ServiceMetrics } from "./metrics/service-metrics.js";
import { auth } from "./middleware/auth.js";
import { bodyLimit } from "./middleware/body-limit.js";
import { notFound, problemErrors } from "./middleware/problem-errors.js";
import { rateLimit, type RateLimit } from "./middleware/rate-limit.js";
import { requestMetrics } from "./middleware/request-metrics.js";
import { requestSpan } from "./middleware/request-span.js";
import { requestTimeout } from "./middleware/timeout.js";
import { HttpProblem } from "./problem.js";
import { assessmentRoutes } from "./routes/assessments.js";
import { councilInfoRoutes } from "./routes/council-info.js";
import { eventRoutes } from "./routes/events.js";
import { healthRoutes } from "./routes/health.js";
import { meRoutes } from "./routes/me.js";
import { metricsRoutes } from "./routes/metrics.js";
import { reportRoutes } from "./routes/report.js";
import { signoffRoutes } from "./routes/signoff.js";
import { staticFiles } from "./routes/static-files.js";
import type { QueueDepthSource, ReadinessCheck, RouteDeps, SignAssessment } from "./service-deps.js";
import type { ServiceEnv } from "./service-env.js";
import type { TokenRegistry } from "./tokens/tokens-file.js";

/** Everything the service runs on; the entry point (`kyocho serve`) builds each and passes it in. */
export interface ServiceOptions {
  /** The council, built with the store's checkpointer (so assessments resume and can be signed). */
  council: Council;
  store: AssessmentStore;
  /** Signs a stored assessment (the CLI passes the function `kyocho signoff` uses); without it, sign-off is 403. */
  sign?: SignAssessment | undefined;
  /** The accepted tokens; undefined: every request is the local analyst `localSubject` (loopback only). */
  tokens?: TokenRegistry | undefined;
  /** The local analyst's name without a tokens file (KYOCHO_USER or the OS user). */
  localSubject?: string;
  /** Input limits; `maxFileBytes` bounds a request body. Default `DEFAULT_LIMITS`. */
  limits?: Limits;
  /** Requests per identity per window; default 120 per minute. */
  rateLimit?: RateLimit;
  /** A request that takes longer is answered 503 (its assessment keeps running); default 120 s. */
  requestTimeoutMs?: number;
  /** The metrics registry; one is created when not given (pass yours to wrap the audit sink with it first). */
  metrics?: ServiceMetrics;
  /** Queue depth per expert and state for `/metrics` (with `--queue`). */
  queueDepth?: QueueDepthSource | undefined;
  /** Readiness checks beside the store's (`redis`, `models`). */
  readiness?: Record<string, ReadinessCheck>;
  /** The clock (sign-off times, rate-limit windows, event-log retention); default the system clock. */
  now?: () => Date;
  /** How long the events of a finished run stay in memory before they are rebuilt from the store; default 10 min. */
  eventRetentionMs?: number;
  /** How often an idle event stream gets a `: keep-alive` comment (proxies with idle timeouts); default 15 s. */
  sseKeepAliveMs?: number;
  /** Where the analyst page's files are; default the package's `public/`. */
  publicDir?: string;
  /** The service's log (errors, by message only); default stderr. */
  log?: (line: string) => void;
}

/** The service: its Hono app (`app.fetch`, `app.request`) and what to close when done. */
export interface Service {
  readonly app: OpenAPIHono<ServiceEnv>;
  readonly metrics: ServiceMetrics;
  /** Waits for the assessments running in this process to finish (or fail); does not close the store it was given. */
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 120, windowMs: 60_000 };
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/**
 * The kyocho HTTP service as a Hono app: the routes of the HTTP contract, with bearer-token auth, the body,
 * rate and time limits, request spans and metrics, and the analyst page at `/`. Nothing is opened here:
 * the council, the store, the tokens and the metrics are passed in.
 */
export function createService(options: ServiceOptions): Service {
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_LIMITS;
  const metrics = options.metrics ?? new ServiceMetrics();
  const log = options.log ?? ((line: string) => process.stderr.write(`kyocho: ${line}\n`));
  const runs = new AssessmentRuns({ council: options.council, store: options.store, metrics, now, retentionMs: options.eventRetentionMs ?? 600_000, log });
  const deps: RouteDeps = {
    council: options.council,
    store: options.store,
    runs,
    sign: options.sign,
    metrics,
    tokens: options.tokens,
    limits,
    readiness: options.readiness ?? {},
    queueDepth: options.queueDepth,
    now,
    sseKeepAliveMs: options.sseKeepAliveMs ?? 15_000,
  };

  const app = new OpenAPIHono<ServiceEnv>({
    // A body or parameter the schemas refuse: 422 naming each field (a body that is not JSON at all is a 400 from the validator).
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          path: [result.target === "json" ? "" : result.target, ...issue.path].filter((p) => p !== "").join("."),
          message: issue.message,
        }));
        throw new HttpProblem(422, "Unprocessable content", errors.map((e) => `${e.path || "(body)"}: ${e.message}`).join("; "), { errors });
      }
    },
  });
  app.onError(problemErrors(log));
  app.notFound(notFound);
  app.use("*", requestSpan());
  app.use("*", requestMetrics(metrics));

  healthRoutes(app, deps);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "kyocho",
      version: "0.1.0",
      description: "Domain-expert models cooperating on one bank credit question, answered with one explainable risk assessment.",
      license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
    },
    servers: [{ url: "/" }],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A token from `kyocho tokens new`" });

  const authenticated = auth(options.tokens, options.localSubject ?? "analyst");
  const perIdentity = rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  for (const path of ["/v1/*", "/metrics"]) {
    app.use(path, authenticated);
    app.use(path, perIdentity);
  }
  app.use("/v1/*", bodyLimit(limits.maxFileBytes));
  app.use("/v1/*", requestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));

  meRoutes(app, deps);
  assessmentRoutes(app, deps);
  eventRoutes(app, deps);
  reportRoutes(app, deps);
  signoffRoutes(app, deps);
  councilInfoRoutes(app, deps);
  metricsRoutes(app, deps);
  staticFiles(app, options.publicDir ?? fileURLToPath(new URL("../public", import.meta.url)));

  return { app, metrics, close: () => runs.drain() };
}
