import { lightStem } from "./light-stem.js";

/** A question prepared once for matching many vocabulary terms against it. */
export interface MatchText {
  /** NFKC-normalised, lower-cased, Japanese word separators (・, spaces) removed: for Japanese terms. */
  readonly folded: string;
  /** The Latin words, split at digit/letter boundaries ("100bp" → "100", "bp") and light-stemmed. */
  readonly words: readonly string[];
  /** For each word, whether it was written as a plural ("rates", "securities"). */
  readonly plural: readonly boolean[];
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Prepares text for {@link termMatches}: normalised once, matched many times.
 *
 * @example
 * termMatches(prepareMatchText("Are the USD receivables hedged?"), "hedge") // true
 */
export function prepareMatchText(text: string): MatchText {
  const normal = text.normalize("NFKC").toLowerCase();
  const words = latinWords(normal);
  return { folded: foldJapanese(normal), words: words.map(lightStem), plural: words.map(isPlural) };
}

/**
 * True when a vocabulary term occurs in the prepared text. A Latin term is
 * matched as a sequence of whole, light-stemmed words ("covenant" meets
 * "covenants", "hedge" meets "hedged", "cross default" meets
 * "cross-default"); a word the term writes as a plural meets plurals only,
 * because the plural can be the point ("rates" is the rates market, "the
 * loan's rate" is not; "securities" are not a "security" package). A term with Japanese in it as a substring, because
 * Japanese is written without spaces (「制裁」 meets 「制裁リスク」), with
 * middle dots and spaces ignored on both sides (「マネー・ローンダリング」 meets
 * 「マネーローンダリング」).
 *
 * @example
 * termMatches(prepareMatchText("fixed income"), "fx") // false
 * termMatches(prepareMatchText("この買収の制裁リスクは？"), "制裁") // true
 */
export function termMatches(text: MatchText, term: string): boolean {
  const normal = term.normalize("NFKC").toLowerCase().trim();
  if (!normal) return false;
  if (NON_ASCII.test(normal)) return text.folded.includes(foldJapanese(normal));
  const raw = latinWords(normal);
  const needle = raw.map(lightStem);
  const needlePlural = raw.map(isPlural);
  if (needle.length === 0) return false;
  const hay = text.words;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (hay[i + j] !== needle[j] || (needlePlural[j] && !text.plural[i + j])) continue outer;
    }
    return true;
  }
  return false;
}

/** A plural ending the stemmer removes: "rates", "securities", "hedges" (not "gross", "status", "basis"). */
function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word);
}

/** Latin words of normalised text: possessives dropped, digits split from letters. */
function latinWords(normal: string): string[] {
  const words: string[] = [];
  for (const match of normal.replace(/['’]s\b/g, "").matchAll(/[a-z]+|[0-9]+(?:\.[0-9]+)?/g)) words.push(match[0]);
  return words;
}

function foldJapanese(normal: string): string {
  return normal.replace(/[・･\s]/g, "");
}
