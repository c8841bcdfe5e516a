/**
 * Splits text into search terms for English and Japanese alike. Latin words
 * are lower-cased (a trailing plural "s" dropped, so "covenants" meets
 * "covenant"); runs of Japanese script, which has no spaces, become character
 * bigrams (and a lone character stays a unigram), so 「制裁リスク」 matches a
 * passage about 制裁.
 *
 * @example
 * tokenize("Sanctions 制裁リスク") // ["sanction", "制裁", "裁リ", "リス", "スク"]
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const normalised = text.normalize("NFKC").toLowerCase();
  for (const match of normalised.matchAll(/[a-z0-9]+(?:[-'][a-z0-9]+)*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu)) {
    const run = match[0];
    if (/^[a-z0-9]/.test(run)) {
      const word = run.replace(/'s$/, "");
      if (STOPWORDS.has(word)) continue;
      terms.push(word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      terms.push(run);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  return terms;
}

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from has have how in is it its of on or our the this that to was we what when which who will with would this these those any should".split(
    " ",
  ),
);
