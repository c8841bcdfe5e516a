import { prepareMatchText, termMatches } from "./match-text.js";

/**
 * True when `keyword` occurs in `text`, as the embedded planner matches it:
 * Latin keywords as whole words after light stemming (plural, `-ed` and
 * `-ing` endings meet their base word; case ignored), Japanese keywords as
 * substrings, both after NFKC normalisation so full-width letters match.
 * To match many keywords against one text, prepare it once with
 * {@link prepareMatchText} and call {@link termMatches}.
 *
 * @example
 * keywordMatches("What about the covenants?", "covenant") // true
 * keywordMatches("Are the receivables hedged?", "hedge") // true
 * keywordMatches("この買収の制裁リスクは？", "制裁") // true
 */
export function keywordMatches(text: string, keyword: string): boolean {
  return termMatches(prepareMatchText(text), keyword);
}
