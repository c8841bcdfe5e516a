import type { Case } from "../case/case-schema.js";

/**
 * Case sections a question puts on the table without a case file: "can we
 * lend them ¥3bn?" proposes a facility; "so it can buy that company"
 * brings in a target and a seller. The embedded planner asks the experts
 * (`isRequired`) and the policy (`routing.mandatoryExperts`) which of them a
 * case with such a section would require, and consults those as advisers —
 * there is no data yet — so a go/no-go question on a new loan gets the
 * experts every facility gets.
 *
 * English signals are regular expressions over NFKC-normalised, lower-cased
 * text; Japanese signals are substrings (Japanese has no spaces).
 */
export interface SectionSignal {
  /** A case section, as `routing.mandatoryExperts[].whenPresent` names it. */
  section: string;
  english: readonly RegExp[];
  japanese: readonly string[];
  /**
   * A stand-in for the section, used only to ask experts' `isRequired`
   * whether a case holding it would need them. It carries no facts: the
   * facility is in the bank's base currency, so no currency mismatch is implied.
   */
  placeholder: (c: Case | undefined) => unknown;
}

const LEND = "(?:lend|finance|fund|refinance|extend (?:a |the )?(?:loan|credit|facility)|provide (?:a |the )?(?:loan|facility|financing)|underwrite)";

/** The reference signals: a new facility decided on, and parties to a deal besides the borrower. */
export const SECTION_SIGNALS: readonly SectionSignal[] = [
  {
    section: "facility",
    english: [
      // A go/no-go on new money: "can we lend", "should we still finance", "is it wise to fund".
      new RegExp(`\\b(?:can|could|should|shall|may) we (?:still |safely |really )?${LEND}\\b`),
      new RegExp(`\\b(?:ok|okay|safe|wise|prudent|sensible|comfortable) (?:for us )?to ${LEND}\\b`),
      // A request for a facility: "wants a credit line", "asked for a bridge".
      /\b(?:wants?|asked (?:us )?for|asking (?:us )?for|requests?(?:ed)?|requesting|needs?) (?:a |an |the |us to provide a )?(?:new |short-term |long-term )?(?:loan|credit line|line of credit|facility|bridge|revolver|financing|term loan)\b/,
      // The decision itself: "commit to this LBO", "sign off", "go ahead", "approve the loan".
      /\b(?:commit to|sign(?:s|ed)? off|go ahead|green[- ]light|approv(?:e|ing|al of) (?:the |this |a )?(?:loan|facility|deal|credit|financing))\b/,
    ],
    placeholder: (c) => ({
      type: "term_loan",
      amount: 0,
      currency: c?.bank.baseCurrency ?? "JPY",
      tenorYears: 1,
      rate: 0,
      amortization: "bullet",
      existingExposure: 0,
    }),
    japanese: [
      "貸して",
      "貸しても",
      "貸せる",
      "貸せます",
      "融資できる",
      "融資できま",
      "融資して",
      "融資しても",
      "融資可能",
      "融資を実行",
      "資金を出して",
      "取り上げ",
      "稟議を上げ",
      "稟議に上げ",
      "稟議を通",
      "新規融資",
      "融資の依頼",
      "融資してほしい",
    ],
  },
  {
    section: "counterparties",
    english: [
      /\b(?:counterpart(?:y|ies)|target company|the target|seller|vendor|buyer side|guarantor|supplier)s?\b/,
      /\b(?:acquisition of|acquire|acquiring|buy(?:ing)? (?:a|an|the|that|this) (?:company|business|firm|stake|competitor|supplier)|purchase of (?:a|an|the|that|this)|take ?over|taken over)\b/,
    ],
    placeholder: (c) => [{ name: "proposed counterparty", country: c?.bank.homeCountry ?? "JP", role: "other" }],
    japanese: ["取引先", "相手方", "買収したい", "買収する", "買収資金", "買収ファイナンス", "買収先", "売り手", "買い手", "保証人", "保証会社", "仕入先"],
  },
];

/** A section a question proposes, with the words that proposed it. */
export interface ProposedSection {
  section: string;
  evidence: string;
  signal: SectionSignal;
}

/**
 * The case sections a question proposes, each with the first words that did.
 *
 * @example
 * proposedSections("この会社に30億円貸しても大丈夫ですか？") // [{ section: "facility", evidence: "貸しても" }]
 */
export function proposedSections(question: string, signals: readonly SectionSignal[] = SECTION_SIGNALS): ProposedSection[] {
  const text = question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/g, "");
  const out: ProposedSection[] = [];
  for (const signal of signals) {
    let evidence: string | undefined;
    for (const pattern of signal.english) {
      const m = pattern.exec(text);
      if (m) {
        evidence = m[0];
        break;
      }
    }
    evidence ??= signal.japanese.find((phrase) => text.includes(phrase.normalize("NFKC")));
    if (evidence !== undefined) out.push({ section: signal.section, evidence, signal });
  }
  return out;
}

/**
 * The case as it would be with the proposed sections added (sections the
 * case already holds are kept as they are): what `isRequired` and the
 * mandatory-expert rules are asked about.
 *
 * @example
 * withProposedSections(undefined, proposedSections("Can we lend them ¥3bn?")).facility // a placeholder facility
 */
export function withProposedSections(c: Case | undefined, proposed: readonly ProposedSection[]): Case {
  const base = c ?? { bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 10_000_000_000_000 } };
  const out: Record<string, unknown> = { ...base };
  for (const p of proposed) if (out[p.section] === undefined) out[p.section] = p.signal.placeholder(c);
  return out as Case;
}
