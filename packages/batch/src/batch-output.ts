import { closeSync, createReadStream, existsSync, ftruncateSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { batchKey, type BatchId } from "./batch-input.js";

/** One output line of `kyocho batch`. */
export type BatchRecord<A = unknown> = { id: BatchId; assessment: A } | { id: BatchId; error: { code: string; message: string } };

/** What an existing output file already holds. */
export interface ExistingOutput {
  /** Keys (see {@link batchKey}) of the ids already written. */
  done: Set<string>;
  /** Lines that are not JSON with an id (left in place, reported). */
  unreadable: number;
  /** True when a torn last line (no newline: the writer died mid-line) was cut off. */
  repaired: boolean;
}

/**
 * Reads the ids an output file already holds, so a re-run can skip them.
 * A last line without its newline — a write interrupted by a crash — is cut
 * off first, so the file stays one JSON object per line and the id is run
 * again. A missing file holds nothing.
 *
 * @example
 * const { done } = await readExistingOutput("out.jsonl"); // Set { '"q1"', '"q2"', '7' }
 */
export async function readExistingOutput(path: string): Promise<ExistingOutput> {
  const result: ExistingOutput = { done: new Set(), unreadable: 0, repaired: false };
  if (!existsSync(path)) return result;
  result.repaired = cutTornLastLine(path);
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.trim()) continue;
    try {
      const record = JSON.parse(text) as { id?: unknown };
      if (typeof record.id === "string" || typeof record.id === "number") result.done.add(batchKey(record.id));
      else result.unreadable++;
    } catch {
      result.unreadable++;
    }
  }
  return result;
}

function cutTornLastLine(path: string): boolean {
  const fd = openSync(path, "r+");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const tail = Buffer.alloc(1);
    readSync(fd, tail, 0, 1, size - 1);
    if (tail[0] === 0x0a) return false;
    // Walk back to the previous newline, in chunks.
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const n = readSync(fd, chunk, 0, end - start, start);
      const at = chunk.subarray(0, n).lastIndexOf(0x0a);
      if (at !== -1) {
        ftruncateSync(fd, start + at + 1);
        return true;
      }
      end = start;
    }
    ftruncateSync(fd, 0);
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends output records, one JSON line per `write`, each with a single
 * `write(2)` on a file opened for appending: a line is either wholly in the
 * file or not at all (barring a torn write on a crash, which
 * {@link readExistingOutput} repairs), and two writers never interleave.
 * A new file is created readable by its owner only (0600): it holds the
 * assessments, and so the customers' data, as the audit log does.
 *
 * @example
 * const out = new BatchOutputWriter("out.jsonl");
 * out.write({ id: "q1", assessment });
 * out.close();
 */
export class BatchOutputWriter {
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.fd = openSync(path, "a", 0o600);
  }

  write(record: BatchRecord): void {
    if (this.fd === undefined) throw new Error(`batch output ${this.path} is closed`);
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
