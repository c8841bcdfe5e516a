#!/usr/bin/env bash
# Installs kyocho as a developer outside this repository would, and runs it:
#   1. builds, and packs every workspace (`npm query .workspace`) with `npm pack`;
#   2. fails unless every tarball ships its compiled files, every src/ module of its
#      workspace among them (install-check/verify-tarball.mjs);
#   3. makes a project in a fresh directory under /tmp, installs the tarballs there,
#      plus the peer dependencies (@langchain/core, @langchain/langgraph), zod,
#      typescript and @types/node from the npm registry at the lock file's versions;
#   4. type-checks install-check/*.ts there (strict, NodeNext), compiles and runs
#      program.ts on an example case, and runs `kyocho ask --council` with the
#      same council, asserting the custom expert's finding in both outputs.
# The programs import package names only, so they run against the tarballs, never the sources.
#
#   scripts/check-install.sh [--no-build] [--keep]      # or: npm run check:install
#
# --no-build uses the current dist/ (CI builds just before); --keep leaves the temporary project for a look.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

build=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "check-install: unknown option $arg (use --no-build, --keep)" >&2; exit 2 ;;
  esac
done

CASE=examples/cases/acquisition-finance.yaml
RULE_ID=CONC-FX-REVENUE
PROGRAMS=scripts/install-check

# The programs are the outsider's code: a relative import may only name a file beside it, never the repository.
if grep -nE "from +[\"'](\.\./|/)|import\([\"'](\.\./|/)" "$PROGRAMS"/*.ts; then
  echo "check-install: the programs above reach outside $PROGRAMS; import package names only" >&2
  exit 1
fi

WORK="$(mktemp -d /tmp/kyocho-install-check.XXXXXX)"
if [ "$keep" = 1 ]; then echo "check-install: the project stays in $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/tarballs" "$WORK/app"

# Each stage's start, in seconds since the script began, for the CI log.
stage() { echo "--- $1 (at ${SECONDS}s)"; }

if [ "$build" = 1 ]; then stage "build"; npm run build; fi

stage "packing every workspace"
npm query .workspace >"$WORK/workspaces.json"
mapfile -t WORKSPACES < <(node -e 'for (const w of JSON.parse(require("fs").readFileSync(0, "utf8"))) console.log(w.location)' <"$WORK/workspaces.json")
[ ${#WORKSPACES[@]} -gt 0 ] || { echo "check-install: npm found no workspaces" >&2; exit 1; }
pack_args=()
for ws in "${WORKSPACES[@]}"; do pack_args+=(--workspace "$ws"); done
npm pack "${pack_args[@]}" --pack-destination "$WORK/tarballs" --json --silent >"$WORK/pack.json"
node "$PROGRAMS/verify-tarball.mjs" "$WORK/tarballs" "$WORK/workspaces.json" <"$WORK/pack.json"

stage "a project outside the repository: $WORK/app"
# Every tarball both as a dependency and as an override, so @kyocho/* dependencies between them resolve to
# these tarballs, never to a registry; third-party versions come from the lock file.
node - "$WORK" <<'NODE'
const { readFileSync, writeFileSync } = require("node:fs");
const [work] = process.argv.slice(2);
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const locked = (name) => {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`check-install: ${name} is not in package-lock.json`);
  return version;
};
const local = {};
for (const pack of JSON.parse(readFileSync(`${work}/pack.json`, "utf8"))) local[pack.name] = `file:../tarballs/${pack.filename}`;
const registry = Object.fromEntries(["@langchain/core", "@langchain/langgraph", "zod"].map((n) => [n, locked(n)]));
const app = {
  name: "kyocho-install-check",
  private: true,
  type: "module",
  dependencies: { ...local, ...registry },
  devDependencies: { typescript: locked("typescript"), "@types/node": locked("@types/node") },
  overrides: local,
};
writeFileSync(`${work}/app/package.json`, `${JSON.stringify(app, null, 2)}\n`);
NODE
cp "$PROGRAMS"/*.ts "$WORK/app/"
cp "$CASE" "$WORK/app/case.yaml"
# No skipLibCheck: the packages' .d.ts files are checked as the strictest consumer sees them (about half of tsc's time).
cat >"$WORK/app/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2023"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "types": ["node"],
    "outDir": "out"
  },
  "include": ["*.ts"]
}
JSON

# better-sqlite3's install looks for a prebuilt binary before compiling from source (prebuild-install). Where the
# download of prebuilt binaries is refused (as on a closed build network), it compiles for 40–100 s, a second time after
# `npm ci` already did. Offer it the binary this repository's install compiled, for the same Node ABI, as a "local
# prebuild": a different version, ABI or platform misses the file name and falls back to the normal install.
sqlite_dir="$ROOT/node_modules/better-sqlite3"
if [ -f "$sqlite_dir/build/Release/better_sqlite3.node" ]; then
  prebuild_name="$(node -e '
    const p = require(process.argv[1] + "/package.json");
    console.log(`${p.name}-v${p.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  ' "$sqlite_dir")"
  mkdir -p "$WORK/prebuilds"
  tar -czf "$WORK/prebuilds/$prebuild_name" -C "$sqlite_dir" build/Release/better_sqlite3.node
  export npm_config_better_sqlite3_local_prebuilds="$WORK/prebuilds"
fi

cd "$WORK/app"
# The outsider's environment: none of the developer's KYOCHO_* settings.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^KYOCHO_' || true)
npm install --no-audit --no-fund --loglevel=error
stage "installed"
for pkg in node_modules/@kyocho/*; do
  case "$(realpath "$pkg")" in
    "$WORK"/*) ;;
    *) echo "check-install: $pkg resolves to $(realpath "$pkg"), outside the project" >&2; exit 1 ;;
  esac
done

stage "type-check and compile (tsc, strict, NodeNext)"
npx --no-install tsc -p tsconfig.json

stage "the program"
node out/program.js case.yaml | tee program.out
grep -q "$RULE_ID" program.out || { echo "check-install: $RULE_ID is missing from the program's output" >&2; exit 1; }

stage "kyocho ask --council"
npx --no-install kyocho ask --council out/concentration-council.js --case case.yaml | tee ask.out
grep -q "$RULE_ID" ask.out || { echo "check-install: $RULE_ID is missing from kyocho ask's output" >&2; exit 1; }

echo "check-install: the tarballs install, type-check and run outside the repository (${SECONDS}s)"
