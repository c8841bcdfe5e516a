import { expect } from "vitest";

/**
 * Asserts that every one of `needles` occurs in `haystack` (a text, or a list
 * of names such as the experts in the order they finished), in the given
 * order. Comparing bare `indexOf` results would pass when an earlier needle is
 * missing, since its -1 is below any position.
 *
 * @example
 * expectInOrder(stderr, ["✓ fx", "✓ lending"]);
 */
export function expectInOrder(haystack: string | readonly string[], needles: readonly string[]): void {
  const at = needles.map((needle) => haystack.indexOf(needle));
  needles.forEach((needle, i) => expect(at[i], `${JSON.stringify(needle)} is missing`).toBeGreaterThanOrEqual(0));
  expect(at, `expected in this order: ${needles.join(", ")}`).toEqual([...at].sort((x, y) => x - y));
}
