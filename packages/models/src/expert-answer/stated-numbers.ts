/** One way to read a stated number: the value it may mean and how precisely it was written. */
export interface NumberReading {
  value: number;
  /** One unit in the last written place, in the reading's scale: "1.33" → 0.01, "18bn" → 1e9. */
  unit: number;
}

/** A number as written in prose, with every value it may stand for. */
export interface StatedNumber {
  /** The text as written: "12.5%", "USD 120m" → "120m", "1億2000万". */
  text: string;
  index: number;
  /** Candidate values: "45%" may mean 0.45 or 45; "120m" 120 000 000 (or 120, in a table of millions). */
  readings: NumberReading[];
}

const SCALES: ReadonlyArray<[RegExp, number | "percent" | "bp" | "times"]> = [
  [/^(%|percent|per cent)$/i, "percent"],
  [/^(bps?|basis points?)$/i, "bp"],
  [/^(x|×|倍)$/i, "times"],
  [/^(k|thousand|千)$/i, 1e3],
  [/^万$/, 1e4],
  [/^(m|mn|mm|million|百万)$/i, 1e6],
  [/^千万$/, 1e7],
  [/^億$/, 1e8],
  [/^(b|bn|billion|十億)$/i, 1e9],
  [/^(tn|trillion|兆)$/i, 1e12],
];

// A number not glued to a word or another number, with thousands separators, decimals and an optional unit.
const NUMBER =
  /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(%|percent\b|per cent\b|bps\b|bp\b|basis points?\b|x\b|×|倍|k\b|thousand\b|mn\b|mm\b|m\b|million\b|bn\b|b\b|billion\b|tn\b|trillion\b|千万|百万|十億|千|万|億|兆))?/giu;
// Identifiers carry digits that are not quantities: LEN-DSCR-01, Tier1, FY2024, ISO-3166.
const IDENTIFIER = /\b[A-Za-z]+(?:[-_][A-Za-z0-9]+)+\b|\b[A-Za-z]+\d[A-Za-z0-9]*\b/g;
// "1. " or "2) " at the start of a line numbers a list; it states nothing.
const LIST_MARKER = /^(\s*)\d{1,2}[.)](?=\s)/gm;

/**
 * Every number a text states, read the ways a reader could read it: with
 * thousands separators ("120,000,000"), scale words in English and Japanese
 * ("USD 120m", "JPY 18bn", "1.2 billion", "180億円", "1億2000万"),
 * percentages and basis points ("45%" → 0.45, "25bp" → 0.0025), multiples
 * ("1.25x", "1.2倍"), full-width digits. Numbers inside identifiers
 * (`LEN-DSCR-01`, `FY2024`) and list markers are not quantities and are
 * left out. Signs are ignored: "fell 3.2%" and "-3.2%" state the same figure.
 *
 * @example
 * statedNumbers("DSCR 1.25x; USD 120m facility, 45% hedged")
 * // [{ text: "1.25x", readings: [{ value: 1.25, … }] }, { text: "120m", readings: [{ value: 120000000, … }, …] }, { text: "45%", … }]
 */
export function statedNumbers(input: string): StatedNumber[] {
  const text = input
    .normalize("NFKC")
    .replace(IDENTIFIER, (m) => " ".repeat(m.length))
    .replace(LIST_MARKER, (m, lead: string) => lead + " ".repeat(m.length - lead.length));
  const found: Array<StatedNumber & { end: number; japanese?: number }> = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, integer, decimals = "", unit] = match;
    const value = Number(`${integer!.replaceAll(",", "")}${decimals ? `.${decimals}` : ""}`);
    const ulp = 10 ** -decimals.length;
    const scale = unit ? SCALES.find(([pattern]) => pattern.test(unit.trim()))?.[1] : undefined;
    const readings: NumberReading[] = [{ value, unit: ulp }];
    if (scale === "percent") readings.push({ value: value / 100, unit: ulp / 100 });
    else if (scale === "bp") readings.push({ value: value / 10_000, unit: ulp / 10_000 }, { value: value / 100, unit: ulp / 100 });
    else if (typeof scale === "number") readings.unshift({ value: value * scale, unit: ulp * scale });
    const entry = {
      text: whole.trim(),
      index: match.index,
      readings,
      end: match.index + whole.length,
      ...(japaneseUnit(unit) ? { japanese: scale as number } : {}),
    };
    // 1億2000万: a Japanese amount written in parts is one number.
    const previous = found.at(-1);
    if (previous?.japanese !== undefined && previous.end === match.index && (entry.japanese ?? 1) < previous.japanese) {
      const head = previous.readings[0]!;
      const tail = entry.readings[0]!;
      previous.readings = [{ value: head.value + tail.value, unit: tail.unit }];
      previous.text += entry.text;
      previous.end = entry.end;
      previous.japanese = entry.japanese ?? 1;
      continue;
    }
    found.push(entry);
  }
  return found.map(({ text: t, index, readings }) => ({ text: t, index, readings }));
}

function japaneseUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^(万|億|兆|千万|百万)$/.test(unit);
}
