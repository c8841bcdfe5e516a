import { describe, expect, it } from "vitest";
import { packagesIn, runCliListingModules } from "../helpers/module-log.js";

/** The OpenTelemetry SDK: loaded only when an OTLP endpoint variable switches trace export on. */
const TRACE_SDK = ["@opentelemetry/sdk-trace-node", "@opentelemetry/sdk-trace-base", "@opentelemetry/exporter-trace-otlp-http", "@opentelemetry/resources"];
/** The queue, dashboard, model-client and trace-export stacks: an embedded `kyocho ask` has no use for them. */
const NOT_ON_THE_EMBEDDED_PATH = ["bullmq", "ioredis", "express", "@langchain/openai", "openai", ...TRACE_SDK];
const isBullBoard = (name: string) => name.startsWith("@bull-board/");

const ASK = ["ask", "--case", "examples/cases/full-council.yaml", "--quiet"];

// Both the bundle (what `npm install` builds) and the compiled modules it falls back to.
describe.each([
  { build: "as installed", env: {} },
  { build: "unbundled (KYOCHO_NO_BUNDLE=1)", env: { KYOCHO_NO_BUNDLE: "1" } },
])("kyocho ask, embedded, $build", ({ env }) => {
  it("assesses without loading BullMQ, ioredis, Express, Bull Board, the OpenAI client or the OpenTelemetry SDK", () => {
    const r = runCliListingModules(ASK, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Decision ESCALATE/);
    expect(
      r.modules.some((m) => /kyocho\.js$/.test(m)),
      "the module recorder did not run",
    ).toBe(true);
    const loaded = [...packagesIn(r.modules)];
    expect(loaded.filter((name) => NOT_ON_THE_EMBEDDED_PATH.includes(name) || isBullBoard(name))).toEqual([]);
  });

  it("does load the queue stack once the environment asks about the queue (the recorder sees packages)", () => {
    // KYOCHO_QUEUE=0 still reads the queue package to interpret the variable, then assesses in process.
    const r = runCliListingModules(ASK, { ...env, KYOCHO_QUEUE: "0" });
    expect(r.code, r.stderr).toBe(0);
    expect(packagesIn(r.modules)).toContain("bullmq");
  });

  it("loads the OpenTelemetry SDK once OTEL_EXPORTER_OTLP_ENDPOINT asks for trace export", () => {
    // Port 9 (discard) on loopback: nothing listens, so the export fails (within 200 ms) after the run, with a warning and exit 0.
    const r = runCliListingModules(ASK, { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9", OTEL_EXPORTER_OTLP_TIMEOUT: "200" });
    expect(r.code, r.stderr).toBe(0);
    expect([...packagesIn(r.modules)]).toEqual(expect.arrayContaining(["@opentelemetry/sdk-trace-node", "@opentelemetry/exporter-trace-otlp-http"]));
  });
});
