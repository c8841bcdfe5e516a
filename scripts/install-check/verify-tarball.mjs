#!/usr/bin/env node
// Fails unless every packed workspace ships its compiled code. Reads the
// output of `npm pack --json` on stdin; arguments: the directory holding the
// tarballs and a file with the output of `npm query .workspace`.
//   - every file the shipped package.json points at (main, types, bin, each
//     exports target) is in the tarball;
//   - every module of the workspace's src/ (tests aside) is there compiled,
//     as dist/<same path>.js and .d.ts: a partial dist/ (`tsc -b` does not
//     rebuild outputs deleted behind its back) fails here, not in a user's
//     install;
//   - no test file is shipped.
// Prints one line per package with its counts, so the CI log shows what each tarball holds.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const [tarballDir, workspacesFile] = process.argv.slice(2);
const packs = JSON.parse(readFileSync(0, "utf8"));
const locations = new Map(JSON.parse(readFileSync(workspacesFile, "utf8")).map((w) => [w.name, w.path]));
const TEST = /\.test\.(d\.)?[cm]?[jt]s(\.map)?$/;

let failed = false;
for (const pack of packs) {
  // The manifest as shipped, read from the tarball itself.
  const manifest = JSON.parse(execFileSync("tar", ["-xzOf", join(tarballDir, pack.filename), "package/package.json"], { encoding: "utf8" }));
  const files = new Set(pack.files.map((f) => f.path));
  const pointedAt = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets(manifest.exports)];
  const missing = new Set(
    pointedAt
      .filter(Boolean)
      .map((p) => p.replace(/^\.\//, ""))
      .filter((p) => !files.has(p)),
  );
  for (const module of sourceModules(locations.get(pack.name))) {
    for (const ext of [".js", ".d.ts"]) if (!files.has(`dist/${module}${ext}`)) missing.add(`dist/${module}${ext}`);
  }
  const js = pack.files.filter((f) => f.path.endsWith(".js")).length;
  const dts = pack.files.filter((f) => f.path.endsWith(".d.ts")).length;
  const tests = pack.files.filter((f) => TEST.test(f.path)).map((f) => f.path);
  console.log(
    `${pack.name.padEnd(24)} ${String(pack.entryCount).padStart(4)} files, ${String(js).padStart(3)} .js, ${String(dts).padStart(3)} .d.ts, ${(pack.unpackedSize / 1024).toFixed(0).padStart(5)} kB unpacked`,
  );
  if (missing.size > 0)
    fail(
      `${pack.name}: the tarball lacks ${[...missing].slice(0, 5).join(", ")}${missing.size > 5 ? ` and ${missing.size - 5} more` : ""} (not built, or not in "files")`,
    );
  if (js === 0 || dts === 0) fail(`${pack.name}: the tarball has no compiled files (${js} .js, ${dts} .d.ts)`);
  if (tests.length > 0) fail(`${pack.name}: the tarball ships tests: ${tests.slice(0, 3).join(", ")}`);
}
process.exit(failed ? 1 : 0);

function fail(message) {
  process.stderr.write(`check-install: ${message}\n`);
  failed = true;
}

/** Every file path in an exports map (conditions and subpaths alike). */
function exportTargets(exports) {
  if (typeof exports === "string") return [exports];
  if (!exports || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** The workspace's src/**\/*.ts modules (tests and declarations aside) as paths without extension, relative to src/. */
function sourceModules(dir) {
  const src = dir ? join(dir, "src") : undefined;
  if (!src || !existsSync(src)) return [];
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !TEST.test(f))
    .map((f) => relative(src, join(src, f)).replace(/\.ts$/, "").split("\\").join("/"));
}
