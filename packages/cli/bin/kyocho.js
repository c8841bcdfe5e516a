#!/usr/bin/env node
// The `kyocho` command. The compiled CLI lives in dist/; `npm install` at the
// repository root builds it (the root `prepare` script runs `tsc -b`).
import("../dist/main.js").then(
  (cli) => cli.main(process.argv),
  (error) => {
    process.stderr.write(
      `kyocho: the CLI is not built (${error.code ?? error.message}); run \`npm run build\` at the repository root\n`,
    );
    process.exitCode = 1;
  },
);
