import cliProgress from "cli-progress";

/** The what-if's progress on stderr: cases done of the total, the rate and the ETA. */
export function whatIfProgressBar(total: number, stream: NodeJS.WriteStream = process.stderr): { update(done: number): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "kyocho whatif {bar} {percentage}% | {value}/{total} cases | ETA {eta_formatted}",
      barsize: 24,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    update: (done) => bar.update(done),
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
