import type { Position } from "@kyocho/core/case";

/**
 * A position of the book with what converting it into the bank's base
 * currency B needs: its currency (default B) and that currency's spot (B per
 * unit; 1 for B itself), or undefined when the case has no spot for it.
 */
export interface BookPosition {
  /** Index into `markets.positions`, for field paths. */
  index: number;
  position: Position;
  /** The currency of `marketValue`, `dv01` and `adv`. */
  currency: string;
  /** B per one unit of `currency`; undefined when `marketData.<currency>.spot` is missing. */
  spot: number | undefined;
}

/**
 * Attaches to each position its currency and spot. `spotOf` is the case's
 * spot lookup (core's `spotOf(c, currency)`): B itself is 1, a currency the
 * case has no quote for is undefined — never a silent 1.
 *
 * @example
 * bookPositions([{ id: "t", issuer: "US Treasury", kind: "bond", currency: "USD", marketValue: 10 }], "JPY", () => 150)
 * // [{ index: 0, position: …, currency: "USD", spot: 150 }]
 */
export function bookPositions(positions: readonly Position[], baseCurrency: string, spotOf: (currency: string) => number | undefined): BookPosition[] {
  return positions.map((position, index) => {
    const currency = position.currency ?? baseCurrency;
    return { index, position, currency, spot: currency === baseCurrency ? 1 : spotOf(currency) };
  });
}

/**
 * A position's market value in B, or undefined when its spot is missing.
 *
 * @example
 * valueInBase({ index: 0, position: { …, marketValue: -10 }, currency: "USD", spot: 150 }) // -1500
 */
export function valueInBase(p: BookPosition): number | undefined {
  return p.spot === undefined ? undefined : p.position.marketValue * p.spot;
}

/**
 * The currencies whose spot is missing, each with the positions that need it,
 * in case order: what the DATA-GAP naming `marketData.<C>.spot` lists.
 *
 * @example
 * missingSpots(book) // [{ currency: "USD", indices: [0, 3] }]
 */
export function missingSpots(book: readonly BookPosition[]): { currency: string; indices: number[] }[] {
  const byCurrency = new Map<string, number[]>();
  for (const p of book) {
    if (p.spot !== undefined) continue;
    byCurrency.set(p.currency, [...(byCurrency.get(p.currency) ?? []), p.index]);
  }
  return [...byCurrency].map(([currency, indices]) => ({ currency, indices }));
}
