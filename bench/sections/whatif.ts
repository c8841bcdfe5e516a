import { createWriteStream, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { REPO_ROOT } from "../lib/fixtures.js";
import { spawnKyocho, waitForExit, watchPeakRss } from "../lib/processes.js";
import { round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import type { BenchSettings } from "../settings.js";

export interface WhatIfFigures {
  lines: number;
  /** `kyocho batch --no-store` over the batch: every line assessed once, under one policy. */
  batchSeconds: number;
  /** `kyocho whatif` over the same batch: every line assessed under two policies, compared and folded. */
  whatIfSeconds: number;
  /** whatif ÷ batch (the issue's bound: at most 2.5). */
  ratio: number;
  workers: number;
  peakRssMb: number;
  /** Peak RSS of whatif over twice the lines. */
  doublePeakRssMb: number;
  /** doublePeakRssMb ÷ peakRssMb: 1 means memory does not grow with the input. */
  growth: number;
}

const CANDIDATE = join(REPO_ROOT, "examples/policies/tighter-leverage.yaml");

/**
 * Section 6 — policy what-if: `kyocho whatif` over a generated batch (the
 * example deals, round-robin, each line a full assessment) against `kyocho
 * batch` assessing the same batch once, side by side; then whatif's peak
 * RSS over `lines` and over twice as many.
 */
export async function benchWhatIf(settings: BenchSettings["whatif"], context: BenchContext): Promise<SectionResult<WhatIfFigures>> {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-bench-whatif-"));
  try {
    const small = join(dir, "book.jsonl");
    const large = join(dir, "book-double.jsonl");
    await writeBook(small, settings.lines);
    await writeBook(large, settings.lines * 2);
    context.log(`whatif: kyocho batch and kyocho whatif over ${settings.lines} lines, then whatif over ${settings.lines * 2}`);
    const batch = await timed(["batch", small, "--out", join(dir, "out.jsonl"), "--no-store", "--quiet"]);
    const whatIf = await timed(["whatif", "--policy", CANDIDATE, "--batch", small, "--json", "--quiet"]);
    const double = await timed(["whatif", "--policy", CANDIDATE, "--batch", large, "--json", "--quiet"]);
    const counted = (JSON.parse(whatIf.stdout) as { cases: number }).cases;
    if (counted !== settings.lines) throw new Error(`kyocho whatif assessed ${counted} cases of ${settings.lines}`);
    // As the command chooses them (defaultWorkers in packages/cli/src/commands/whatif.ts).
    const workers = settings.lines > 2000 && availableParallelism() - 1 > 1 ? availableParallelism() - 1 : 1;
    const figures: WhatIfFigures = {
      lines: settings.lines,
      batchSeconds: round(batch.seconds, 1),
      whatIfSeconds: round(whatIf.seconds, 1),
      ratio: round(whatIf.seconds / batch.seconds, 2),
      workers,
      peakRssMb: round(whatIf.peakRssMb, 1),
      doublePeakRssMb: round(double.peakRssMb, 1),
      growth: round(double.peakRssMb / whatIf.peakRssMb, 3),
    };
    const s = "6 whatif";
    return {
      figures,
      rows: [
        {
          section: s,
          figure: `kyocho whatif ÷ kyocho batch, ${settings.lines.toLocaleString("en-US")} lines (time)`,
          value: fmt(figures.ratio, 2),
          note: `whatif ${fmt(figures.whatIfSeconds, 1)} s (two policies, ${workers > 1 ? `${workers} worker threads` : "one thread"}) vs batch ${fmt(figures.batchSeconds, 1)} s (one policy); at most 2.5`,
        },
        {
          section: s,
          figure: `kyocho whatif peak RSS, ${(settings.lines * 2).toLocaleString("en-US")} ÷ ${settings.lines.toLocaleString("en-US")} lines`,
          value: fmt(figures.growth, 2),
          note: `${fmt(figures.doublePeakRssMb, 0)} MB vs ${fmt(figures.peakRssMb, 0)} MB; 1.00 = does not grow with the input`,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(args: string[]): Promise<{ seconds: number; peakRssMb: number; stdout: string }> {
  const started = performance.now();
  const child = spawnKyocho(args);
  const peak = watchPeakRss(child, 25);
  const result = await waitForExit(child);
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`kyocho ${args[0]} exited with ${result.code}: ${result.stderr.slice(-500)}`);
  return { seconds, peakRssMb: peak(), stdout: result.stdout };
}

/** A batch of `lines` lines, the example deals round-robin, each with its own id (every line a full assessment). */
async function writeBook(path: string, lines: number): Promise<void> {
  const cases = join(REPO_ROOT, "examples/cases");
  const files = readdirSync(cases)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(cases, f));
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) {
    const line = JSON.stringify({ id: `w${i}`, caseFile: files[i % files.length] });
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
