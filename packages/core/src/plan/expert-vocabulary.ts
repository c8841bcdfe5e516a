import type { Expert } from "../expert/expert-types.js";
import { lightStem } from "./light-stem.js";
import { termMatches, type MatchText } from "./match-text.js";

/** What the router listens for on behalf of one expert. */
export interface ExpertVocabulary {
  expert: string;
  /** The expert's own keywords, English and Japanese: one is enough to consult it. */
  keywords: readonly string[];
  /**
   * Words of the expert's description that no other expert's description
   * uses (weaker evidence: two are needed, or one with a keyword).
   */
  descriptionTerms: readonly string[];
}

/** How strongly a question called for an expert, and through which words. */
export interface VocabularyHits {
  expert: string;
  keywords: string[];
  descriptionTerms: string[];
  /** 1 per keyword, 0.5 per description term; an expert is consulted from 1 up. */
  score: number;
}

const DESCRIPTION_WEIGHT = 0.5;

/**
 * Builds each expert's routing vocabulary: its keywords as given, plus the
 * words of its description that set it apart. A description word another
 * expert's description shares ("risk", "interest", "stress") says nothing
 * about which expert is meant, so it is left out.
 *
 * @example
 * buildVocabularies([lending, fx]).find((v) => v.expert === "lending")?.descriptionTerms // ["credit", "borrower", …]
 */
export function buildVocabularies(experts: ReadonlyArray<Expert<any>>): ExpertVocabulary[] {
  const termsOf = experts.map((e) => new Set(descriptionWords(e.description)));
  const seenIn = new Map<string, number>();
  for (const terms of termsOf) for (const t of terms) seenIn.set(t, (seenIn.get(t) ?? 0) + 1);
  return experts.map((expert, i) => {
    const own = new Set(expert.keywords.map((k) => k.normalize("NFKC").toLowerCase()));
    const descriptionTerms = [...termsOf[i]!].filter((t) => seenIn.get(t) === 1 && !own.has(t));
    return { expert: expert.name, keywords: expert.keywords, descriptionTerms };
  });
}

/**
 * Which of an expert's words the text uses, and the resulting score.
 *
 * @example
 * matchVocabulary(prepareMatchText("Is the DSCR covenant at risk?"), lendingVocabulary).keywords // ["covenant", "DSCR"]
 */
export function matchVocabulary(text: MatchText, vocabulary: ExpertVocabulary): VocabularyHits {
  // "lend" and "lending" meet the same words of the question: count them once.
  const seen = new Set<string>();
  const keywords = vocabulary.keywords.filter((k) => {
    if (!termMatches(text, k)) return false;
    const form = formOf(k);
    if (seen.has(form)) return false;
    seen.add(form);
    return true;
  });
  const descriptionTerms = vocabulary.descriptionTerms.filter((t) => termMatches(text, t) && !keywords.some((k) => termMatches(prepareWord(k), t)));
  return {
    expert: vocabulary.expert,
    keywords,
    descriptionTerms,
    score: keywords.length + DESCRIPTION_WEIGHT * descriptionTerms.length,
  };
}

function formOf(term: string): string {
  const normal = term.normalize("NFKC").toLowerCase().trim();
  return /[^\x00-\x7f]/.test(normal) ? normal.replace(/[・･\s]/g, "") : (normal.match(/[a-z]+|[0-9]+/g) ?? []).map(lightStem).join(" ");
}

function prepareWord(word: string): MatchText {
  const normal = word.normalize("NFKC").toLowerCase();
  const words = normal.match(/[a-z]+|[0-9]+/g) ?? [];
  return { folded: normal, words: words.map(lightStem), plural: words.map(() => true) };
}

/** Content words of a description: Latin words of four letters or more, minus the ones every text uses. */
function descriptionWords(description: string): string[] {
  const words =
    description
      .normalize("NFKC")
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  return words.filter((w) => w.length >= 4 && !GENERIC.has(w));
}

// Words a description uses to frame, not to name a domain.
const GENERIC = new Set(
  "with from into under over against every each their this that these those than then what when where which while about view views per and the for its also more most less other such some only both risk bank banks day days".split(
    " ",
  ),
);
