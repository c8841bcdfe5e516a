import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisCluster, startRedisSentinel, type TestRedisCluster, type TestRedisSentinel, type TestRedisTls } from "@kyocho/queue/testing";
import { runCliAsync } from "../helpers/run-cli-async.js";
import { exampleCases, writeCaseBatch } from "../faults/helpers/figures.js";
import { readResults } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "./helpers/kyocho-process.js";
import { makeTestCertificates } from "./helpers/tls-certificates.js";

// Tier: *.int.test.ts — TLS and an ACL user on the two topologies beyond one server (test/security/redis-auth.int.test.ts
// covers one server). A three-master cluster with a replica each and a Sentinel set (master, replica, three sentinels)
// serve TLS only, replication, cluster bus and sentinels' links included, with certificates signed by a private CA that kyocho is given as an
// operator gives it, NODE_EXTRA_CA_CERTS. kyocho logs in as an ACL user limited to its own keys (`~{kyocho:*`), the
// sentinels want a password of their own, and `kyocho worker` + `kyocho batch --queue` must answer as in process
// without printing any of the passwords.
const available =
  ["redis-server", "redis-cli", "redis-sentinel"].every((bin) => spawnSync(bin, ["--version"]).status === 0) && spawnSync("openssl", ["version"]).status === 0;
// On a developer's machine without them the test skips; in CI a skip would hide an untested path, so it fails.
if (!available && process.env.CI) throw new Error("redis-server, redis-cli, redis-sentinel or openssl is missing: CI must run the Redis TLS/ACL tests");

const ADMIN_PASSWORD = "admin-tls-password-77d1";
const USER_PASSWORD = "kyocho-acl-password-4b2e";
const SENTINEL_PASSWORD = "sentinel-only-password-9f30";
const SECRETS = [ADMIN_PASSWORD, USER_PASSWORD, SENTINEL_PASSWORD];
// What README's "Scaling out" asks of an ACL user: kyocho's keys only, no dangerous command but INFO (BullMQ reads it).
const ACL_USER = `kyocho on >${USER_PASSWORD} ~{kyocho:* resetchannels +@all -@dangerous +info`;

const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-tls-acl-"));
let tls: TestRedisTls;
let input: string;
let reference: Promise<Map<string, unknown>>;

beforeAll(() => {
  if (!available) return;
  tls = makeTestCertificates(dir);
  input = join(dir, "cases.jsonl");
  writeCaseBatch(input, 2, "tls", exampleCases().slice(0, 2));
  // The in-process answers, computed while the servers start.
  reference = runCliAsync(["batch", input, "--out", join(dir, "reference.jsonl"), "-q"]).then((r) => {
    if (r.code !== 0) throw new Error(`in-process batch failed: ${r.stderr}`);
    return readResults(join(dir, "reference.jsonl"));
  });
});

/** Runs one worker and `batch --queue` over the two cases with `env`; checks the answers and that no password is printed. */
async function batchThroughQueue(env: NodeJS.ProcessEnv, tag: string, ready: RegExp) {
  const worker: KyochoProcess = startKyocho(["worker", "--name", `${tag}-worker`, "--concurrency", "4"], env);
  try {
    await worker.waitForStderr(/ready on/, 20_000);
    const output = join(dir, `${tag}.jsonl`);
    const queued = await runCliAsync(["batch", input, "--out", output, "--queue", "-q"], { env });
    expect(queued.code, queued.stderr).toBe(0);
    const expected = await reference;
    expect(expected.size).toBe(2);
    expect(readResults(output)).toEqual(expected);
    expect(worker.stderr()).toMatch(ready);
    expect(worker.stderr()).not.toMatch(/error on expert|NOPERM|WRONGPASS|NOAUTH|Warning/);
    const printed = [worker.stdout(), worker.stderr(), queued.stdout, queued.stderr].join("\n");
    for (const secret of SECRETS) expect(printed).not.toContain(secret);
  } finally {
    await stopKyocho(worker);
  }
  // Printed only after the worker stopped: its shutdown lines are checked too.
  const printed = worker.stdout() + worker.stderr();
  for (const secret of SECRETS) expect(printed).not.toContain(secret);
}

/** What an operator sets for the cluster: seeds, the ACL user, TLS and the private CA. */
const clusterEnv = (cluster: TestRedisCluster): NodeJS.ProcessEnv => ({
  REDIS_URL: undefined,
  KYOCHO_REDIS_CLUSTER: cluster.seeds,
  KYOCHO_REDIS_USERNAME: "kyocho",
  KYOCHO_REDIS_PASSWORD: USER_PASSWORD,
  KYOCHO_REDIS_TLS: "1",
  NODE_EXTRA_CA_CERTS: tls.caFile,
  KYOCHO_PREFIX: "{kyocho}",
});

/** What an operator sets for the Sentinel set: sentinels and their password, the ACL user on the data nodes, TLS, the CA. */
const sentinelEnv = (sentinel: TestRedisSentinel): NodeJS.ProcessEnv => ({
  REDIS_URL: undefined,
  KYOCHO_REDIS_SENTINELS: sentinel.sentinels,
  KYOCHO_REDIS_SENTINEL_NAME: sentinel.name,
  KYOCHO_REDIS_USERNAME: "kyocho",
  KYOCHO_REDIS_PASSWORD: USER_PASSWORD,
  KYOCHO_REDIS_TLS: "1",
  KYOCHO_REDIS_SENTINEL_PASSWORD: SENTINEL_PASSWORD,
  KYOCHO_REDIS_SENTINEL_TLS: "1",
  NODE_EXTRA_CA_CERTS: tls.caFile,
  KYOCHO_PREFIX: "{kyocho}",
});

describe.skipIf(!available)("TLS and an ACL user on a Redis Cluster and a Sentinel set", () => {
  let cluster: TestRedisCluster | undefined;
  let sentinel: TestRedisSentinel | undefined;
  // Both started at once: a Sentinel set spends most of its start-up waiting for the sentinels to find each other.
  beforeAll(async () => {
    const started = await Promise.allSettled([
      startRedisCluster({ masters: 3, replicas: 1, password: ADMIN_PASSWORD, users: [ACL_USER], tls }),
      startRedisSentinel({ replicas: 1, sentinels: 3, password: ADMIN_PASSWORD, users: [ACL_USER], sentinelPassword: SENTINEL_PASSWORD, tls }),
    ]);
    if (started[0].status === "fulfilled") cluster = started[0].value;
    if (started[1].status === "fulfilled") sentinel = started[1].value;
    for (const result of started) if (result.status === "rejected") throw result.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([cluster?.stop(), sentinel?.stop()]);
  });

  it("runs worker and batch --queue on a TLS cluster as ACL user kyocho, the CA given by NODE_EXTRA_CA_CERTS", async () => {
    if (!cluster) throw new Error("the cluster did not start");
    const env = clusterEnv(cluster);
    await batchThroughQueue(env, "cluster", /ready on cluster 127\.0\.0\.1:\d+.* \(TLS\)/);
  }, 60_000);

  it("runs them on a Sentinel set with TLS everywhere, ACL user kyocho on the data nodes and a password on the sentinels", async () => {
    if (!sentinel) throw new Error("the Sentinel set did not start");
    const env = sentinelEnv(sentinel);
    await batchThroughQueue(env, "sentinel", /ready on sentinel master "kyocho" via 127\.0\.0\.1:\d+.* \(TLS\)/);
  }, 60_000);

  it("refuses a wrong user, an untrusted certificate and a missing sentinel password: one line naming the cause, exit 1, no password", async () => {
    if (!cluster || !sentinel) throw new Error("a topology did not start");
    const ask = (env: NodeJS.ProcessEnv) => runCliAsync(["ask", "--queue", "Can we lend?"], { env });
    const [wrongUser, untrusted, noSentinelPassword] = await Promise.all([
      ask({ ...clusterEnv(cluster), KYOCHO_REDIS_USERNAME: "someone-else" }),
      ask({ ...clusterEnv(cluster), NODE_EXTRA_CA_CERTS: undefined }),
      ask({ ...sentinelEnv(sentinel), KYOCHO_REDIS_SENTINEL_PASSWORD: undefined }),
    ]);
    // A cluster client hides the node's own error behind "Failed to refresh slots cache"; kyocho shows it.
    expect(wrongUser.stderr.trim()).toMatch(
      /^kyocho: cannot reach Redis at cluster 127\.0\.0\.1:\d+.* \(TLS\) \(Failed to refresh slots cache: WRONGPASS[^)]*\)/,
    );
    // Without the CA the TLS handshake fails; ioredis's cluster client passes on only "Connection is closed".
    expect(untrusted.stderr.trim()).toMatch(/^kyocho: cannot reach Redis at cluster .* \(TLS\) \(Failed to refresh slots cache: Connection is closed\.?\)/);
    expect(noSentinelPassword.stderr.trim()).toMatch(/^kyocho: cannot reach Redis at sentinel master "kyocho" via .*NOAUTH/);
    for (const result of [wrongUser, untrusted, noSentinelPassword]) {
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      for (const secret of SECRETS) expect(result.stdout + result.stderr).not.toContain(secret);
    }
  }, 30_000);
});
