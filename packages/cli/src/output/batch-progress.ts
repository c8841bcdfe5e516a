import cliProgress from "cli-progress";
import type { BatchProgress, BatchSummary } from "@kyocho/batch";

/** Draws a batch's progress on stderr and prints its summary line. */
export interface BatchProgressView {
  update(progress: BatchProgress): void;
  stop(): void;
}

/**
 * A cli-progress bar on stderr: lines handled of the total, assessed,
 * failed, lines per second over the last seconds, and the ETA. On a terminal
 * it redraws in place; otherwise (a log file, CI) it writes a line every
 * few seconds.
 */
export function batchProgressBar(stream: NodeJS.WriteStream = process.stderr): BatchProgressView {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "kyocho batch {bar} {percentage}% | {value}/{total} lines | {assessed} assessed, {failed} failed{skippedText} | {rate}/s | ETA {eta_formatted}",
      barsize: 24,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  const samples: Array<{ t: number; n: number }> = [];
  const payload = (p: BatchProgress) => {
    const now = p.elapsedMs;
    const n = p.assessed + p.failed;
    samples.push({ t: now, n });
    while (samples.length > 2 && now - samples[0]!.t > 10_000) samples.shift();
    const first = samples[0]!;
    const rate = now - first.t > 0 ? ((n - first.n) * 1000) / (now - first.t) : 0;
    return {
      assessed: p.assessed,
      failed: p.failed,
      skippedText: p.skipped > 0 ? `, ${p.skipped} already done` : "",
      rate: rate.toFixed(1),
    };
  };
  return {
    update(p) {
      if (stopped) return;
      if (!started) {
        bar.start(p.total ?? 0, p.handled, payload(p));
        started = true;
      } else {
        if (p.total !== undefined && p.total !== bar.getTotal()) bar.setTotal(p.total);
        bar.update(p.handled, payload(p));
      }
    },
    stop() {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}

/** The one-line summary a batch ends with. */
export function formatBatchSummary(summary: BatchSummary, output: string): string {
  const seconds = summary.elapsedMs / 1000;
  const ran = summary.assessed + summary.failed;
  const parts = [
    `${summary.assessed} assessed`,
    `${summary.failed} failed`,
    ...(summary.skipped ? [`${summary.skipped} already in the output`] : []),
    ...(summary.duplicates ? [`${summary.duplicates} duplicate id(s) skipped`] : []),
    ...(summary.unfinished ? [`${summary.unfinished} not finished (re-run to retry)`] : []),
  ];
  const verb = summary.interrupted ? "interrupted" : "done";
  const tail = summary.interrupted || summary.unfinished ? "; run the same command again to resume" : "";
  return `kyocho: batch ${verb}: ${parts.join(", ")} in ${seconds.toFixed(1)} s (${(ran / Math.max(seconds, 0.001)).toFixed(1)} lines/s) → ${output}${tail}\n`;
}
