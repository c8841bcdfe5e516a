/**
 * `npm run bench` — kyocho's benchmarks, side by side, in one run: prints one
 * table and writes bench/results.json. See bench/README.md for what each
 * figure means. Needs Redis at REDIS_URL (default redis://127.0.0.1:6379)
 * and the built CLI (`npm run bench` builds first).
 *
 * Environment: BENCH_PROFILE=smoke (seconds, not minutes), BENCH_SECTIONS=
 * embedded,supervisor,queue,scaling,memory (a subset), BENCH_LATENCY_MS (L,
 * default 200), BENCH_OUT (where to write the results; default
 * bench/results.json).
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRedisConnection, redactRedisUrl } from "@kyocho/queue";
import { runBench } from "./bench.js";
import { renderTable } from "./lib/table.js";
import { settingsFromEnv } from "./settings.js";

const settings = settingsFromEnv(process.env);
// A smoke run's figures mean nothing, so they never replace the latest real ones.
const out =
  process.env.BENCH_OUT ??
  (settings.profile === "smoke" ? join(tmpdir(), "kyocho-bench-smoke.json") : fileURLToPath(new URL("./results.json", import.meta.url)));
const redisUrl = process.env.REDIS_URL;
const connection = createRedisConnection(redisUrl);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
try {
  await connection.ping();
  log(`${settings.profile} run of ${settings.sections.join(", ")}; Redis ${redactRedisUrl(redisUrl ?? "redis://127.0.0.1:6379")}`);
  const results = await runBench(settings, { connection, redisUrl, log });
  const { machine } = results;
  process.stdout.write(
    `\nkyocho benchmarks — ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, Redis ${machine.redis}, ${results.date}, ${results.durationSeconds} s\n\n`,
  );
  process.stdout.write(renderTable(results.rows));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${out}`);
} finally {
  connection.disconnect();
}
