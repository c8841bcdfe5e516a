#!/usr/bin/env node
// The `kyocho` command. The compiled CLI lives in dist/; `npm install` at the
// repository root builds it (the root `prepare` script runs `tsc -b`).
// A closed pipe (`kyocho ask --json | head -1`) ends the output, not the process with a stack trace.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") process.stderr.write(`kyocho: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
});
import("../dist/main.js").then(
  (cli) => cli.main(process.argv),
  (error) => {
    process.stderr.write(
      `kyocho: the CLI is not built (${error.code ?? error.message}); run \`npm run build\` at the repository root\n`,
    );
    process.exitCode = 1;
  },
);
