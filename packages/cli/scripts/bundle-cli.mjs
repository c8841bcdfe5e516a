#!/usr/bin/env node
// Bundles the compiled CLI (dist/main.js and everything it imports) into a
// few files under dist/bundle/, so `kyocho` starts without resolving and
// reading ~800 modules one by one (Node 20 has no compile cache for them).
// Run after `tsc -b`: the root `build` and `prepare` scripts do both.
//
// - One chunk per command (`splitting`): `kyocho ask` loads the ask chunk and
//   what it shares, never the worker's, the dashboard's or the report's.
// - The queue and dashboard stacks, the model client and the database
//   drivers (better-sqlite3 is native; pg only for PostgreSQL) stay outside
//   the bundle (EXTERNAL), loaded from node_modules only by the commands and
//   options that use them, as without the bundle. The LangGraph
//   checkpointers are bundled: loaded from node_modules they would bring a
//   second copy of LangGraph's checkpoint code (~340 ms per stored `ask`).
// - Workspace code that finds files beside itself (`new URL("../knowledge",
//   import.meta.url)`) keeps pointing at its own package: `import.meta.url`
//   in those files is rewritten to the file's URL relative to the bundle.
//   Those URLs follow this repository's layout, so the bundle is for the
//   repository only: the published package leaves it out (`!dist/bundle` in
//   its `files`) and an installed `kyocho` runs the compiled modules.
// - dist/bundle/inputs.json lists the build-info files the bundle was made
//   from; bin/kyocho.js uses the bundle only while none is newer than it,
//   so `tsc -b` after an edit is never shadowed by a stale bundle.
//
// Without esbuild (a broken install) this prints a warning and exits 0: the
// CLI then runs from dist/ as it did before bundling, only slower to start.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const CLI_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO_ROOT = join(CLI_DIR, "..", "..");
const OUT_DIR = join(CLI_DIR, "dist", "bundle");

/** Loaded from node_modules at run time, and only by the code paths that need them. */
export const EXTERNAL = [
  "better-sqlite3",
  "pg",
  "pg-native",
  "bullmq",
  "ioredis",
  "@bull-board/*",
  "express",
  "tsx",
  "tsx/*",
  // The OpenTelemetry SDK, only when an OTLP endpoint is set; the API (`@opentelemetry/api`) is bundled: every command calls it.
  "@opentelemetry/sdk-trace-node",
  "@opentelemetry/exporter-trace-otlp-http",
  "@opentelemetry/resources",
];

let esbuild;
try {
  esbuild = await import("esbuild");
} catch (error) {
  process.stderr.write(`kyocho: not bundling the CLI (esbuild unavailable: ${error.code ?? error.message}); it runs unbundled from dist/\n`);
  process.exit(0);
}

/** Workspace files (not node_modules) that locate files beside themselves through import.meta.url. */
const keepFileLocations = {
  name: "keep-file-locations",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const fromBundle = relative(OUT_DIR, args.path).split(sep).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: "js" };
    });
  },
};

// Build info written after this moment (a `tsc -b` during or after bundling) makes the bundle stale.
const startedAt = Date.now();
rmSync(OUT_DIR, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: REPO_ROOT,
  entryPoints: { main: join(CLI_DIR, "dist", "main.js") },
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // Bundled CommonJS packages (yaml, commander's deps) call require(); ESM output has none of its own.
  banner: { js: 'import { createRequire as __kyochoCreateRequire } from "node:module"; const require = __kyochoCreateRequire(import.meta.url);' },
  plugins: [keepFileLocations],
  metafile: true,
  logLevel: "warning",
});

// The build-info file of every workspace package in the bundle, and npm's record of node_modules.
const packageDirs = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  if (input.includes("node_modules/")) continue;
  const match = /^(.*?)\/dist\//.exec(input);
  if (match) packageDirs.add(match[1]);
}
const watched = [...[...packageDirs].sort().map((dir) => `${dir}/tsconfig.tsbuildinfo`), "node_modules/.package-lock.json"];
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(
  join(OUT_DIR, "inputs.json"),
  `${JSON.stringify({ builtAt: startedAt, repoRoot: relative(OUT_DIR, REPO_ROOT).split(sep).join("/"), watched }, null, 2)}\n`,
);
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stderr.write(
  `kyocho: bundled the CLI into ${relative(REPO_ROOT, OUT_DIR)}/ (${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB) from ${packageDirs.size} packages\n`,
);
