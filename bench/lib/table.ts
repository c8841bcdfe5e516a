/** One line of the benchmark's table. */
export interface TableRow {
  /** The section: `1 embedded`, `2 supervisor`, … */
  section: string;
  figure: string;
  value: string;
  /** What the value is compared with, or what it means. */
  note?: string;
}

/**
 * Renders the benchmark's one table as aligned plain text (it goes to a
 * terminal and, verbatim, into bench/README.md).
 *
 * @example
 * process.stdout.write(renderTable([{ section: "1 embedded", figure: "assessments/s", value: "230" }]));
 */
export function renderTable(rows: readonly TableRow[]): string {
  const headers: TableRow = { section: "section", figure: "figure", value: "value", note: "note" };
  const all = [headers, ...rows];
  const width = (key: keyof TableRow) => Math.max(...all.map((r) => (r[key] ?? "").length));
  const [s, f, v] = [width("section"), width("figure"), width("value")];
  const line = (r: TableRow) => `${r.section.padEnd(s)}  ${r.figure.padEnd(f)}  ${r.value.padStart(v)}  ${r.note ?? ""}`.trimEnd();
  const rule = `${"-".repeat(s)}  ${"-".repeat(f)}  ${"-".repeat(v)}  ${"-".repeat(Math.max(4, width("note")))}`;
  const out: string[] = [line(headers), rule];
  let previous = "";
  for (const row of rows) {
    out.push(line(row.section === previous ? { ...row, section: "" } : row));
    previous = row.section;
  }
  return `${out.join("\n")}\n`;
}

/** A number for the table: fixed decimals, thousands kept readable. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
