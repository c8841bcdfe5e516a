#!/usr/bin/env node
// The `kyocho` command. The compiled CLI lives in dist/; `npm install` at the
// repository root builds it (the root `prepare` script runs `tsc -b` and
// bundles it into dist/bundle/, which starts several times faster).
import { readFileSync, statSync } from "node:fs";

// A closed pipe (`kyocho ask --json | head -1`) ends the output, not the process with a stack trace.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") process.stderr.write(`kyocho: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
});
import(entryPoint()).then(
  (cli) => cli.main(process.argv),
  (error) => {
    process.stderr.write(`kyocho: the CLI is not built (${error.code ?? error.message}); run \`npm run build\` at the repository root\n`);
    process.exitCode = 1;
  },
);

/**
 * The bundle while it is current, else the compiled modules. The bundle is
 * stale once any build-info file it was made from (a workspace package's
 * `tsc -b` output, npm's record of node_modules) is newer than it: a
 * `tsc -b` after an edit then runs the edited code, only slower to start,
 * until the next `npm run build`. KYOCHO_NO_BUNDLE=1 always runs dist/.
 */
function entryPoint() {
  const modules = "../dist/main.js";
  if (process.env.KYOCHO_NO_BUNDLE) return modules;
  try {
    const bundleDir = new URL("../dist/bundle/", import.meta.url);
    const inputs = JSON.parse(readFileSync(new URL("inputs.json", bundleDir), "utf8"));
    const root = new URL(`${inputs.repoRoot}/`, bundleDir);
    const stale = inputs.watched.some((file) => (statSync(new URL(file, root), { throwIfNoEntry: false })?.mtimeMs ?? 0) > inputs.builtAt);
    return stale ? modules : new URL("main.js", bundleDir).href;
  } catch {
    return modules;
  }
}
