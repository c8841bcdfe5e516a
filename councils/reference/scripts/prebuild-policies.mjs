#!/usr/bin/env node
// Writes dist/policies/<name>.json for every shipped policies/<name>.yaml:
// the value the YAML parses to, with the SHA-256 of the YAML, so the
// reference council reads JSON instead of starting the YAML parser (see
// src/prebuilt-policy.ts, which uses a rendition only while its hash matches).
// Run after `tsc -b` (it uses the compiled parser): the root build does.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { readDataFile } from "@kyocho/core/validation";
import { sha256 } from "../dist/prebuilt-policy.js";

const source = new URL("../policies/", import.meta.url);
const target = new URL("../dist/policies/", import.meta.url);
mkdirSync(target, { recursive: true });
for (const file of readdirSync(source).filter((f) => /\.ya?ml$/.test(f))) {
  const path = new URL(file, source);
  const policy = readDataFile(path.pathname, "policy file");
  // JSON cannot hold everything YAML can (.inf, .nan): such a policy keeps being read from its YAML.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(policy)), policy)) {
    process.stderr.write(`kyocho: ${file} has values JSON cannot hold; it is read from YAML at run time\n`);
    continue;
  }
  writeFileSync(new URL(file.replace(/\.ya?ml$/, ".json"), target), JSON.stringify({ sourceSha256: sha256(readFileSync(path)), policy }));
}
