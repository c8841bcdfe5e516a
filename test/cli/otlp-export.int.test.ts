import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCliAsync } from "../helpers/run-cli-async.js";

// Tier: *.int.test.ts — spawns the CLI. A tiny OTLP/HTTP collector (JSON, what the exporter sends) started here
// receives the spans of a `kyocho ask` when OTEL_EXPORTER_OTLP_ENDPOINT names it; an endpoint outside the bank is
// refused before anything runs.
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}
interface ExportRequest {
  path: string;
  contentType: string | undefined;
  resourceAttributes: Record<string, unknown>;
  spans: OtlpSpan[];
}

let collector: Server;
let endpoint: string;
const received: ExportRequest[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

beforeAll(async () => {
  collector = createServer((request, response) => {
    void readBody(request).then((text) => {
      const body = JSON.parse(text || "{}") as {
        resourceSpans?: Array<{
          resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
          scopeSpans?: Array<{ spans?: OtlpSpan[] }>;
        }>;
      };
      for (const rs of body.resourceSpans ?? []) {
        received.push({
          path: request.url ?? "",
          contentType: request.headers["content-type"],
          resourceAttributes: Object.fromEntries((rs.resource?.attributes ?? []).map((a) => [a.key, a.value.stringValue])),
          spans: (rs.scopeSpans ?? []).flatMap((s) => s.spans ?? []),
        });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));
beforeEach(() => void (received.length = 0));

const ASK = ["ask", "--case", "examples/cases/full-council.yaml", "--quiet"];

describe("trace export from the CLI", () => {
  it("sends the spans of `kyocho ask` to the collector OTEL_EXPORTER_OTLP_ENDPOINT names, in one trace, before the process exits", async () => {
    const r = await runCliAsync(ASK, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Decision ESCALATE/);
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received.map((x) => x.path))).toEqual(new Set(["/v1/traces"]));
    expect(received[0]!.resourceAttributes["service.name"]).toBe("kyocho-ask");
    const spans = received.flatMap((x) => x.spans);
    const names = spans.map((s) => s.name).sort();
    expect(names).toEqual(["kyocho.assessment", "kyocho.plan", "kyocho.subtask", "kyocho.subtask", "kyocho.subtask", "kyocho.subtask"]);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
  });

  it("takes the service name from OTEL_SERVICE_NAME and the traces endpoint from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", async () => {
    const r = await runCliAsync(ASK, { env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/custom/traces`, OTEL_SERVICE_NAME: "credit-desk" } });
    expect(r.code, r.stderr).toBe(0);
    expect(received.map((x) => x.path)).toContain("/custom/traces");
    expect(received[0]!.resourceAttributes["service.name"]).toBe("credit-desk");
  });

  it("refuses a collector outside the bank's network: exit 2, one line naming the variable, nothing run", async () => {
    const r = await runCliAsync(ASK, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: "https://otlp.example.com" } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("OTEL_EXPORTER_OTLP_ENDPOINT");
    expect(r.stderr).toContain("outside the bank's network");
  });
});
