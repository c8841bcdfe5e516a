/**
 * Workflow 4 — a batch of ten deals through the queue. Each expert has its
 * own Redis queue; `kyocho worker` processes consume them (in a bank, each
 * where its expert's model runs) and `kyocho batch --queue` sends every
 * deal's sub-tasks through them and merges the answers. Then one HTML report
 * per deal and a portfolio summary are written.
 *
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379; KYOCHO_PREFIX to
 * keep its keys apart) and workers:
 *
 *   redis-server --daemonize yes                  # if no Redis is running yet
 *   npm run example:batch                         # starts two workers itself, runs the batch, stops them
 *
 *   npx kyocho worker &                           # or run your own workers (as many as you like) …
 *   npm run example:batch -- --workers 0          # … and let the example use them
 *
 * Writes out/batch/{questions.jsonl, answers.jsonl, <deal>.html, summary.md}.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeReports } from "@kyocho/report";
import { AssessmentSchema, type Assessment } from "@kyocho/core";
import { shown } from "./support/example-args.js";

const { values } = parseArgs({ options: { out: { type: "string", short: "o" }, workers: { type: "string", default: "2" } } });
const outDir = join(values.out ?? "out", "batch");
const workerCount = Number(values.workers);
const KYOCHO = fileURLToPath(new URL("../packages/cli/bin/kyocho.js", import.meta.url));
const CASES = fileURLToPath(new URL("./cases/", import.meta.url));

/** Ten deals of the shipped set: clean, conditional, escalated, declined, incomplete, English and Japanese. */
const DEALS = [
  "acquisition-finance",
  "usd-bond-underwriting",
  "ringi-ja",
  "clean-domestic-term-loan",
  "sanctions-declined",
  "data-gap-usd-no-fx",
  "export-revenue-fx-dscr",
  "full-council",
  "large-exposure-ja",
  "markets-book",
];

mkdirSync(outDir, { recursive: true });
const input = join(outDir, "questions.jsonl");
const output = join(outDir, "answers.jsonl");
writeFileSync(input, DEALS.map((id) => JSON.stringify({ id, caseFile: join(CASES, `${id}.yaml`) })).join("\n") + "\n");
rmSync(output, { force: true }); // a fresh run (`kyocho batch` would otherwise resume and skip the deals already answered)

const workers: ChildProcess[] = [];
try {
  for (let i = 1; i <= workerCount; i++) workers.push(await startWorker(`example-worker-${i}`));
  if (workerCount > 0) console.error(`kyocho example: ${workerCount} worker(s) ready`);

  const code = await run([KYOCHO, "batch", input, "--out", output, "--queue", "--quiet"]);
  if (code !== 0) throw new Error(`kyocho batch exited with ${code}`);

  // Answers come back in the order they finish; the summary lists the deals in the order they were sent.
  const answers = readFileSync(output, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: string; assessment?: unknown; error?: unknown })
    .sort((x, y) => DEALS.indexOf(x.id) - DEALS.indexOf(y.id));
  const rows: string[] = [];
  for (const { id, assessment: raw, error } of answers) {
    if (!raw) {
      rows.push(`| ${id} | error | | | ${JSON.stringify(error)} |`);
      continue;
    }
    const a: Assessment = AssessmentSchema.parse(raw);
    writeReports(a, { html: join(outDir, `${id}.html`) });
    const top = a.findings
      .slice(0, 2)
      .map((f) => `${f.ruleId} (${f.severity})`)
      .join(", ");
    rows.push(`| [${id}](${id}.html) | ${a.decision}${a.incomplete ? " (incomplete)" : ""} | ${a.rating} | ${a.findings.length} | ${top} |`);
  }
  const summary = ["# Batch of ten deals", "", "| deal | decision | rating | findings | most severe |", "|---|---|---|---:|---|", ...rows, ""].join("\n");
  writeFileSync(join(outDir, "summary.md"), summary);
  console.log(summary);
  console.log(`wrote ${answers.length} report(s) and ${shown(join(outDir, "summary.md"))}`);
} finally {
  await Promise.all(workers.map(stop));
}

/** Starts `kyocho worker` and resolves once it says it is consuming its queues. */
function startWorker(name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [KYOCHO, "worker", "--name", name], { stdio: ["ignore", "ignore", "pipe"], env: process.env });
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 20 s:\n${err}`)), 20_000);
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
      if (/ready on/.test(err)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${name} exited (${code}) before it was ready — is Redis running at ${process.env.REDIS_URL ?? "redis://127.0.0.1:6379"}? Start one with \`redis-server --daemonize yes\`.\n${err.trim()}`,
        ),
      );
    });
  });
}

function run(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: process.env });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
