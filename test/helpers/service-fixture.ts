import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InProcessExecutor, type Case, type ExpertExecutor } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createCouncil, type Council } from "@kyocho/council";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import { openStore, type AssessmentStore } from "@kyocho/store";
import { signAssessment, signoffStoreOf } from "@kyocho/cli";
import { createService, tokenRegistry, tokenSha256, type Service, type ServiceOptions } from "@kyocho/server";
import { REPO_ROOT } from "./run-cli.js";

/** The tokens the service tests use: one per role they need. */
export const TOKENS = {
  analyst: "analyst-token-0001",
  approver: "approver-token-0002",
  committee: "committee-token-0003",
  monitor: "monitor-token-0004",
  admin: "admin-token-0005",
} as const;

export const TOKEN_ENTRIES = [
  { subject: "ito", roles: ["analyst"], sha256: tokenSha256(TOKENS.analyst) },
  { subject: "sato", roles: ["approver:credit_department", "approver:credit_committee"], sha256: tokenSha256(TOKENS.approver) },
  { subject: "ito", roles: ["approver:credit_committee"], sha256: tokenSha256(TOKENS.committee) },
  { subject: "prom", roles: ["monitor"], sha256: tokenSha256(TOKENS.monitor) },
  { subject: "root", roles: ["admin"], sha256: tokenSha256(TOKENS.admin) },
];

/** An example case file from examples/cases, as a request body's `case`. */
export function exampleCase(name: string): Record<string, unknown> {
  return readDataFile(join(REPO_ROOT, "examples", "cases", `${name}.yaml`), "case file") as Record<string, unknown>;
}

/** A service on a fresh SQLite store under a temp directory, with the reference council checkpointed in it. */
export interface ServiceFixture {
  service: Service;
  store: AssessmentStore;
  council: Council;
  dir: string;
  /** Another service on the same store (a restart): its memory is empty, its store is not. */
  restart(): Service;
  /** `token`: a key of {@link TOKENS} or a raw bearer token. */
  request(path: string, init?: RequestInit & { token?: string | undefined }): Promise<Response>;
  close(): Promise<void>;
}

export async function serviceFixture(
  options: Partial<ServiceOptions> & { executor?: (inner: ExpertExecutor) => ExpertExecutor; withTokens?: boolean } = {},
): Promise<ServiceFixture> {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-service-"));
  const store = await openStore({ sqlitePath: join(dir, "kyocho.db") });
  const checkpointer = await store.checkpointer();
  const policy = loadReferencePolicy();
  const inner = new InProcessExecutor(referenceExperts);
  const council = createCouncil({ experts: referenceExperts, policy, checkpointer, executor: options.executor ? options.executor(inner) : inner });
  const build = () =>
    createService({
      council,
      store,
      sign: (id, request) =>
        signAssessment({ id, request, council: { experts: referenceExperts, policy }, openStore: () => signoffStoreOf(store, async () => {}) }),
      tokens: options.withTokens === false ? undefined : tokenRegistry(TOKEN_ENTRIES),
      localSubject: "local-user",
      log: () => {},
      ...options,
    });
  let service = build();
  return {
    get service() {
      return service;
    },
    store,
    council,
    dir,
    restart() {
      service = build();
      return service;
    },
    request(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      const bearer = token === undefined ? undefined : ((TOKENS as Record<string, string>)[token] ?? token);
      if (bearer) headers.set("authorization", `Bearer ${bearer}`);
      return Promise.resolve(service.app.request(path, { ...rest, headers }));
    },
    async close() {
      await service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON POST body. */
export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** Reads a server-sent event stream to its end (or until `until` says stop), as `{ id, event, data }` in order. */
export async function readEvents(
  response: Response,
  until?: (events: SseEvent[]) => boolean,
): Promise<{ events: SseEvent[]; reader: ReadableStreamDefaultReader<Uint8Array>; rest: () => Promise<SseEvent[]> }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const events: SseEvent[] = [];
  const pump = async (stop?: (e: SseEvent[]) => boolean): Promise<void> => {
    for (;;) {
      if (stop?.(events)) return;
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = Object.fromEntries(block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
        if (fields.event) events.push({ id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data ?? "null") });
      }
    }
  };
  await pump(until);
  return {
    events,
    reader,
    rest: async () => {
      const from = events.length;
      await pump();
      return events.slice(from);
    },
  };
}

export interface SseEvent {
  id: number;
  event: string;
  data: any;
}

export type { Case };
