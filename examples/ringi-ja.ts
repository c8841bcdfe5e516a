/**
 * Workflow 3 — 与信稟議（credit approval memo）in Japanese. A 12-year JPY 12bn
 * term loan to a Japanese real-estate company, asked in Japanese: the plan,
 * the sub-questions, the knowledge retrieved (Japanese documents first) and
 * the report are Japanese; the report's headings follow the question's
 * language (`--lang` on `kyocho report` overrides it).
 *
 *   npm run example:ringi          # or: npx tsx examples/ringi-ja.ts [--out DIR]
 *
 * Writes out/ringi-ja.{html,md,json}.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStyle, formatAssessment } from "@kyocho/cli";
import { writeReports } from "@kyocho/report";
import { loadCaseFile } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { exampleArgs, shown } from "./support/example-args.js";

const { outDir } = exampleArgs();
const council = createReferenceCouncil();
const ringi = loadCaseFile(fileURLToPath(new URL("./cases/ringi-ja.yaml", import.meta.url)));

const assessment = await council.assess({ question: ringi.question, case: ringi });
process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));

const base = join(outDir, "ringi-ja");
for (const w of writeReports(assessment, { html: `${base}.html`, md: `${base}.md` })) console.log(`wrote ${shown(w.path)} (${w.bytes} bytes)`);
writeFileSync(`${base}.json`, `${JSON.stringify(assessment, null, 2)}\n`);
console.log(`wrote ${shown(`${base}.json`)}`);
