import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../helpers/run-cli.js";

export const EXAMPLE_CASE = join(REPO_ROOT, "examples/cases/acquisition-finance.yaml");

/** Writes a JSONL batch of `count` questions on the shipped case (ids `<tag>-0` …). */
export function writeQuestions(path: string, count: number, tag: string): void {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `${tag}-${i}`,
      question: `Can we lend USD ${100 + i}m to Sakura Precision to buy Pacific Components? (${tag} ${i})`,
      caseFile: EXAMPLE_CASE,
    }),
  );
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** An output file's records by id, failing on an id written twice; latency figures removed (they differ run to run). */
export function readResults(path: string): Map<string, string> {
  const records = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string };
    if (records.has(record.id)) throw new Error(`id ${record.id} is in ${path} twice`);
    records.set(
      record.id,
      JSON.stringify(record, (key, value) => (key === "latencyMs" ? undefined : value)),
    );
  }
  return records;
}

/** Lines in a file, counted as they are now (0 when it does not exist yet). */
export function lineCount(path: string): number {
  try {
    return readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim()).length;
  } catch {
    return 0;
  }
}
