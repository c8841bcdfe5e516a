/**
 * True when `keyword` occurs in `text`: Latin keywords as whole words (a
 * plural or possessive ending allowed, case ignored), Japanese keywords as
 * substrings, both after NFKC normalisation so full-width letters match.
 *
 * @example
 * keywordMatches("What about the covenants?", "covenant") // true
 * keywordMatches("この買収の制裁リスクは？", "制裁") // true
 */
export function keywordMatches(text: string, keyword: string): boolean {
  const haystack = text.normalize("NFKC").toLowerCase();
  const needle = keyword.normalize("NFKC").toLowerCase().trim();
  if (!needle) return false;
  if (!/^[\x00-\x7f]+$/.test(needle)) return haystack.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s-]+");
  return new RegExp(`(?<![a-z0-9])${escaped}(?:s|es|'s)?(?![a-z0-9])`, "u").test(haystack);
}
