import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the test endpoint answers to one chat-completion request. Fields
 * combine: `{ think: "…", json: {…} }` is a `<think>` block followed by the
 * JSON; `{ status: 500 }` an OpenAI-style error; `{ hang: "headers" }` never
 * answers at all.
 */
export interface ScriptedReply {
  /** The assistant message content, verbatim. */
  content?: string;
  /** Serialised with `JSON.stringify` as the content (after any `think`). */
  json?: unknown;
  /** Put `<think>{think}</think>\n\n` before the content, as a Qwen3 model in thinking mode does. */
  think?: string;
  /** Sent in `message.reasoning_content`, as vLLM's reasoning parser does. */
  reasoningContent?: string;
  /** An HTTP error status (with an OpenAI-style error body). */
  status?: number;
  /** The error's message (with `status`). */
  errorMessage?: string;
  /** A `Retry-After` header, in seconds (with a 429). */
  retryAfter?: number;
  /** Send this body verbatim with status 200: a broken protocol, not a broken answer. */
  rawBody?: string;
  /** Wait this long before answering (on top of the server's `latencyMs`). */
  delayMs?: number;
  /**
   * Answer only once this settles (after any delay): lets a test hold one
   * caller's answer until another caller's request has arrived, and so assert
   * order without timing anything.
   */
  waitFor?: PromiseLike<unknown>;
  /** `headers`: never answer; `body`: send the headers, then stall. Either is cut only by the client's time limit. */
  hang?: "headers" | "body";
  /** Reported token usage; default: about one token per four characters. */
  usage?: { prompt_tokens: number; completion_tokens: number };
  finishReason?: string;
  /** The model name in the response; default: the request's. */
  model?: string;
}

/** A reply, or a function of the request that returns one. */
export type Reply = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

/** One request the endpoint received, kept so a test can assert what went over the wire. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (`undefined` for a GET or unparsable body). */
  body: any;
  rawBody: string;
  /** Who sent it: the `X-Kyocho-Caller` header, else the expert named in the system prompt, else `*`. */
  caller: string;
  purpose: string | undefined;
  receivedAt: number;
  /** Position of this request's arrival on the endpoint's clock of arrivals and answers (1, 2, …). */
  receivedOrder: number;
  /** Position of its answer on the same clock; unset until it is answered (and for a request that hangs). */
  answeredOrder?: number | undefined;
  /** The fault injected into the answer, when `faults` chose this request. */
  fault?: FaultKind | undefined;
  /**
   * Position on the same clock at which the client closed the connection
   * before any answer (a cancelled call); unset otherwise, and for
   * connections the endpoint itself cut on `close()`.
   */
  abandonedOrder?: number | undefined;
}

/** What a fault-injecting endpoint does instead of answering. */
export type FaultKind = "http_500" | "http_429" | "hang" | "malformed_json" | "broken_body" | "schema_violation" | "invented_numbers";

/** Every fault kind, in the order `faults.kinds` defaults to. */
export const FAULT_KINDS: readonly FaultKind[] = ["http_500", "http_429", "hang", "malformed_json", "broken_body", "schema_violation", "invented_numbers"];

/**
 * Seeded random faults: each chat-completion request is given a fault with
 * probability `rate`, the kind drawn uniformly from `kinds`. The draw is a
 * hash of the seed, the request's assessment, caller and purpose and how
 * many such requests came before, so the same run gets the same faults
 * whatever order concurrent requests arrive in.
 */
export interface FaultInjection {
  /** Share of chat-completion requests that fail, from 0 to 1. */
  rate: number;
  seed: number;
  /** Default {@link FAULT_KINDS}. */
  kinds?: readonly FaultKind[];
}

export interface TestModelServerOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** What `/v1/models` lists; the first is the default model name. */
  models?: string[];
  /** Added before every answer. */
  latencyMs?: number;
  /** Standing replies per caller (an expert's name, `summary`, `planner`) or `*` for everyone. */
  replies?: Record<string, Reply>;
  /** Answer a request with `response_format` with HTTP 400, as a server without structured output does. */
  rejectResponseFormat?: boolean;
  /** Require `Authorization: Bearer <apiKey>`; a wrong or missing key gets 401. */
  apiKey?: string;
  /** Inject seeded random faults (500s, 429s, hangs, malformed JSON, schema violations, invented numbers) into answers. */
  faults?: FaultInjection;
}

/** A running test endpoint. */
export interface TestModelServer {
  /** The base URL to configure: `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  readonly requests: RecordedRequest[];
  /** The chat-completion requests one caller sent. */
  completionsFor(caller: string): RecordedRequest[];
  /**
   * Resolves with the first request (already received or still to come) that
   * matches: a test's gate, e.g. "answer fx only once lending has asked".
   * Matched again when a request's client abandons it, so
   * `whenReceived((r) => r.abandonedOrder !== undefined)` waits for a cancel.
   */
  whenReceived(match: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  /** Queues one-shot replies for a caller, used in order before its standing reply. */
  script(caller: string, ...replies: Reply[]): TestModelServer;
  /** Sets a caller's standing reply. */
  respond(caller: string, reply: Reply): TestModelServer;
  /** Forgets recorded requests, queued and standing replies. */
  reset(): void;
  /** Stops the server and cuts any hanging connection. */
  close(): Promise<void>;
}

/** What a caller without a script gets: a valid, empty kyocho expert answer. */
export const DEFAULT_REPLY: ScriptedReply = { json: { narrative: "No further observations.", findings: [], confidence: 0.5 } };

/**
 * A local HTTP endpoint that speaks the OpenAI chat-completions protocol
 * (`POST /v1/chat/completions`, `GET /v1/models`) and answers from a script.
 * It is a **test double of the protocol, not a model**: it understands
 * nothing, and answers what each test tells it to — per caller (the
 * `X-Kyocho-Caller` header kyocho sends, or the expert named in the system
 * prompt) — with configurable latency, HTTP errors (500, 429 with
 * Retry-After), hangs, malformed JSON and `<think>` blocks — or, with
 * `faults`, any of these at random (seeded) in a share of its answers. Every
 * request is recorded (with the fault it got), so a test can assert the body
 * that went over the wire.
 *
 * @example
 * const server = await startTestModelServer({ models: ["qwen3-test"] });
 * server.script("fx", { status: 500 }, { json: { narrative: "…", findings: [], confidence: 0.8 } });
 * // configure models.default.baseURL = server.baseURL, run the council, then:
 * expect(server.completionsFor("fx")[0].body.chat_template_kwargs).toEqual({ enable_thinking: false });
 * await server.close();
 */
export async function startTestModelServer(options: TestModelServerOptions = {}): Promise<TestModelServer> {
  const models = options.models ?? ["kyocho-test-model"];
  const standing = new Map<string, Reply>(Object.entries(options.replies ?? {}));
  const queued = new Map<string, Reply[]>();
  const requests: RecordedRequest[] = [];
  let sequence = 0;
  let tick = 0;
  const waiters = new Set<{ match: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }>();
  const notify = (recorded: RecordedRequest) => {
    for (const waiter of [...waiters]) {
      if (!waiter.match(recorded)) continue;
      waiters.delete(waiter);
      waiter.resolve(recorded);
    }
  };
  // Set on `close()`: a connection the endpoint cuts itself was not abandoned by its client.
  let closing = false;
  const seen = new Map<string, number>();
  const drawFault = (request: RecordedRequest): FaultKind | undefined => {
    const faults = options.faults;
    if (!faults || faults.rate <= 0) return undefined;
    const key = `${headerValue(request.headers["x-kyocho-assessment"]) ?? ""}|${request.caller}|${request.purpose ?? ""}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const draw = unitHash(`${faults.seed}|${key}|${n}`);
    if (draw >= faults.rate) return undefined;
    const kinds = faults.kinds ?? FAULT_KINDS;
    return kinds[Math.floor(unitHash(`${faults.seed}|kind|${key}|${n}`) * kinds.length)];
  };

  const pick = (request: RecordedRequest): ScriptedReply => {
    for (const key of [request.caller, "*"]) {
      const queue = queued.get(key);
      if (queue && queue.length > 0) return resolveReply(queue.shift()!, request);
      const reply = standing.get(key);
      if (reply) return resolveReply(reply, request);
    }
    return DEFAULT_REPLY;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rawBody = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    let body: any;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const caller = headerValue(req.headers["x-kyocho-caller"]) ?? callerFromPrompt(body) ?? "*";
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      headers: { ...req.headers },
      body,
      rawBody,
      caller,
      purpose: headerValue(req.headers["x-kyocho-purpose"]),
      receivedAt: Date.now(),
      receivedOrder: ++tick,
    };
    requests.push(recorded);
    res.once("close", () => {
      if (res.writableEnded || closing) return;
      recorded.abandonedOrder = ++tick;
      notify(recorded);
    });
    notify(recorded);

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, errorBody("Incorrect API key provided", "authentication_error"));
    }
    if (req.method === "GET" && /\/v1\/models\/?$/.test(path)) {
      return sendJson(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "kyocho-testing" })) });
    }
    if (req.method !== "POST" || !/\/v1\/chat\/completions\/?$/.test(path)) {
      return sendJson(res, 404, errorBody(`no route ${req.method} ${path} in the test endpoint`, "not_found_error"));
    }
    if (!body || !Array.isArray(body.messages)) return sendJson(res, 400, errorBody("body must be JSON with messages[]", "invalid_request_error"));
    if (body.stream) return sendJson(res, 400, errorBody("the test endpoint does not stream", "invalid_request_error"));
    if (options.rejectResponseFormat && body.response_format) {
      return sendJson(res, 400, errorBody("response_format is not supported by this server", "invalid_request_error"));
    }

    recorded.fault = drawFault(recorded);
    const reply = recorded.fault ? FAULT_REPLIES[recorded.fault] : pick(recorded);
    const wait = (options.latencyMs ?? 0) + (reply.delayMs ?? 0);
    if (wait > 0) await delay(wait);
    if (reply.waitFor) await reply.waitFor;
    if (reply.hang === "headers") return; // the socket stays open until the client gives up or the server closes
    recorded.answeredOrder = ++tick;
    if (reply.status !== undefined && reply.status >= 400) {
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { "retry-after": String(reply.retryAfter) } : {};
      return sendJson(res, reply.status, errorBody(reply.errorMessage ?? `scripted HTTP ${reply.status}`, "server_error"), headers);
    }
    if (reply.rawBody !== undefined) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(reply.rawBody);
    }
    const content = `${reply.think !== undefined ? `<think>${reply.think}</think>\n\n` : ""}${reply.content ?? (reply.json !== undefined ? JSON.stringify(reply.json) : "")}`;
    const promptChars = body.messages.reduce((n: number, m: { content?: unknown }) => n + String(m.content ?? "").length, 0);
    const usage = reply.usage ?? { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(content.length / 4) };
    const completion = {
      id: `chatcmpl-test-${++sequence}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: reply.model ?? body.model ?? models[0],
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, ...(reply.reasoningContent !== undefined ? { reasoning_content: reply.reasoningContent } : {}) },
          finish_reason: reply.finishReason ?? "stop",
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    };
    if (reply.hang === "body") {
      const text = JSON.stringify(completion);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
      res.write(text.slice(0, 10)); // and never the rest
      return;
    }
    sendJson(res, 200, completion);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(`test endpoint failure: ${(error as Error).message}`, "server_error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostName = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const host = `${hostName}:${address.port}`;

  const api: TestModelServer = {
    baseURL: `http://${host}/v1`,
    host,
    requests,
    completionsFor: (caller) => requests.filter((r) => r.caller === caller && r.path.endsWith("/chat/completions")),
    whenReceived: (match) => {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.add({ match, resolve }));
    },
    script(caller, ...replies) {
      queued.set(caller, [...(queued.get(caller) ?? []), ...replies]);
      return api;
    },
    respond(caller, reply) {
      standing.set(caller, reply);
      return api;
    },
    reset() {
      requests.length = 0;
      queued.clear();
      standing.clear();
      waiters.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

const FAULT_REPLIES: Readonly<Record<FaultKind, ScriptedReply>> = {
  http_500: { status: 500, errorMessage: "injected fault: internal server error" },
  http_429: { status: 429, errorMessage: "injected fault: too many requests" },
  hang: { hang: "headers" },
  malformed_json: { content: '{"narrative": "The borrower\'s position is sound", "findings": [{"severity": "low",' },
  broken_body: { rawBody: '{"id": "chatcmpl-broken", "choices": [' },
  schema_violation: { json: { narrative: 42, findings: "none", confidence: 7, verdict: "approve" } },
  invented_numbers: {
    json: {
      narrative: "Leverage of 9.87x and a 73.4% probability of default make this borrower fragile.",
      findings: [{ severity: "low", title: "Invented figures", message: "Loss given default is 61.3%.", citations: [] }],
      confidence: 0.9,
    },
  },
};

/** A number in [0, 1) from a string (FNV-1a, then a 32-bit mix): the same text, the same number. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

function resolveReply(reply: Reply, request: RecordedRequest): ScriptedReply {
  return typeof reply === "function" ? reply(request) : reply;
}

/** The expert a kyocho system prompt names ("You are the fx expert …"). */
function callerFromPrompt(body: any): string | undefined {
  const system = Array.isArray(body?.messages) ? body.messages.find((m: { role?: string }) => m.role === "system") : undefined;
  const match = typeof system?.content === "string" ? /\bYou are the ([a-z][a-z0-9-]*) expert\b/.exec(system.content) : null;
  return match?.[1];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorBody(message: string, type: string) {
  return { error: { message, type, param: null, code: null }, object: "error", message };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
