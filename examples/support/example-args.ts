import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";

/**
 * The options every example workflow takes: `--out DIR`, where its reports
 * go (default `./out`, which git ignores).
 */
export function exampleArgs(argv: string[] = process.argv.slice(2)): { outDir: string } {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string", short: "o" } }, allowPositionals: false });
  return { outDir: resolve(values.out ?? "out") };
}

/** A path as the user typed it: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
