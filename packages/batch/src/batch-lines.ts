import { createReadStream } from "node:fs";

/** One line of a batch input file: its text, or only its size when it is over the limit. */
export type BatchLine = { line: number; text: string } | { line: number; tooLongBytes: number };

/**
 * Streams the lines of a file (split on `\n`, a trailing `\r` removed, a
 * UTF-8 byte-order mark at the start dropped) without ever holding more than
 * `maxLineBytes` of one line: a longer line is skipped as it streams past and
 * reported by its size, so a file with a gigabyte on one line costs no more
 * memory than a well-formed one. Line numbers are 1-based and count every
 * `\n`, blank lines included.
 *
 * @example
 * for await (const entry of readBatchLines("questions.jsonl", { maxLineBytes: 4 * 1024 * 1024 })) {
 *   if ("tooLongBytes" in entry) console.warn(`line ${entry.line} is too long`); else handle(entry.text);
 * }
 */
export async function* readBatchLines(path: string, options: { maxLineBytes: number }): AsyncGenerator<BatchLine> {
  const max = options.maxLineBytes;
  const stream = createReadStream(path);
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  const finish = (): BatchLine => {
    line++;
    if (size > max) {
      const entry = { line, tooLongBytes: size };
      parts = [];
      size = 0;
      return entry;
    }
    let text = Buffer.concat(parts, size).toString("utf8");
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    parts = [];
    size = 0;
    return { line, text };
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let at = chunk.indexOf(0x0a, start); at !== -1; at = chunk.indexOf(0x0a, start)) {
        take(chunk.subarray(start, at));
        yield finish();
        start = at + 1;
      }
      take(chunk.subarray(start));
    }
    if (size > 0) yield finish();
  } finally {
    stream.destroy();
  }

  function take(piece: Buffer): void {
    if (piece.length === 0) return;
    // Past the limit only the count is kept: the line is refused whole, so its bytes are not needed.
    if (size <= max && size + piece.length <= max) parts.push(piece);
    else parts = [];
    size += piece.length;
  }
}
