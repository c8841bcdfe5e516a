import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Case } from "@kyocho/core";
import { UserInputError } from "@kyocho/core";
import { parseWith } from "@kyocho/core/validation";
import { readDataFile } from "@kyocho/core/validation";
import { ExpectedResultSchema, type ExpectedResult } from "./expected-result.js";

/** One case of a case directory: the validated case and, when its file exists, the expected result. */
export interface EvalCase {
  /** The file name without its extension: `acquisition-finance`. */
  name: string;
  file: string;
  case: Case;
  /** The case file's own `question` ("" when it has none). */
  question: string;
  expected?: ExpectedResult | undefined;
  expectedFile?: string | undefined;
}

export interface CaseSetOptions {
  /** Validates a raw case (the council's case schema, so custom experts' sections are accepted). */
  parseCase: (raw: unknown, source: string) => Case;
}

const CASE_FILE = /\.(ya?ml|json)$/i;
const EXPECTED_SUFFIX = ".expected.json";

/**
 * Reads every case file of a directory (`*.yaml`, `*.yml`, `*.json`, not
 * `*.expected.json`), in name order, each with its `<name>.expected.json`
 * when there is one. Every file is validated now: a bad case or expected
 * file is a {@link UserInputError} naming the file and the field.
 *
 * @example
 * const cases = loadCaseSet("examples/cases", { parseCase: (raw, source) => council.parseCase(raw, source) });
 * cases.filter((c) => c.expected).length // 14
 */
export function loadCaseSet(dir: string, options: CaseSetOptions): EvalCase[] {
  const source = `case directory ${dir}`;
  if (!existsSync(dir)) throw new UserInputError("not found", { source, code: "FILE_UNREADABLE" });
  if (!statSync(dir).isDirectory()) throw new UserInputError("is not a directory", { source, code: "FILE_UNREADABLE" });
  const names = readdirSync(dir)
    .filter((f) => CASE_FILE.test(f) && !f.endsWith(EXPECTED_SUFFIX))
    .sort();
  return names.map((fileName) => {
    const file = join(dir, fileName);
    const name = fileName.replace(CASE_FILE, "");
    const c = options.parseCase(readDataFile(file, "case file"), `case file ${file}`);
    const expectedFile = join(dir, `${name}${EXPECTED_SUFFIX}`);
    const expected = existsSync(expectedFile)
      ? parseWith(ExpectedResultSchema, readDataFile(expectedFile, "expected-result file"), { source: `expected-result file ${expectedFile}` })
      : undefined;
    return { name, file, case: c, question: c.question?.trim() ?? "", ...(expected ? { expected, expectedFile } : {}) };
  });
}
