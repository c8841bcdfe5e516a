import { describe, expect, it } from "vitest";
import { parseCase } from "../case/load-case.js";
import { proposedSections, withProposedSections } from "./proposed-sections.js";

const sections = (q: string) => proposedSections(q).map((p) => p.section);

describe("proposedSections", () => {
  it.each([
    "Can we lend USD 120m to this borrower?",
    "Should we still finance the vessel?",
    "Is it wise to finance an Iranian-owned shipping company?",
    "A customer wants a credit line to import machinery.",
    "We've been asked for a bridge to fund the purchase.",
    "Who needs to sign off before we commit to this LBO?",
    "この会社に30億円貸しても大丈夫ですか？",
    "この案件、稟議を上げて通りそうですか？",
    "資金を出してほしいと言われています",
  ])("hears a new facility in %j", (q) => {
    expect(sections(q)).toContain("facility");
  });

  it.each([
    "Can they keep net debt to EBITDA under 4x if they draw the whole revolver?",
    "Does yen weakness threaten this borrower's covenant?",
    "Is post-deal EBITDA enough to cover interest at 5.5%?",
    "買収後の借入人のレバレッジは何倍になりますか",
    "担保不動産の評価が下がったら、LTVはどこまで悪化しますか",
  ])("hears no new facility or party in the analysis of an existing one: %j", (q) => {
    expect(sections(q)).toEqual([]);
  });

  it.each([
    "so it can buy that company",
    "The seller is a family office",
    "What happens if the borrower gets taken over?",
    "ベトナムの会社を買収したい",
    "取引先の実質的支配者は確認できていますか",
  ])("hears parties to a deal in %j", (q) => {
    expect(sections(q)).toContain("counterparties");
  });

  it("names the words that proposed each section", () => {
    expect(proposedSections("Can we lend them ¥3bn to buy a competitor?").map(({ section, evidence }) => ({ section, evidence }))).toEqual([
      { section: "facility", evidence: "can we lend" },
      { section: "counterparties", evidence: "buy a competitor" },
    ]);
  });
});

describe("withProposedSections", () => {
  it("adds a placeholder facility in the bank's base currency, keeping what the case holds", () => {
    const c = parseCase({ bank: { baseCurrency: "USD" }, borrower: { name: "Acme", country: "US" } });
    const proposed = withProposedSections(c, proposedSections("Can we lend them more?"));
    expect(proposed.facility).toMatchObject({ currency: "USD", amount: 0 });
    expect(proposed.borrower).toEqual(c.borrower);
  });

  it("never replaces a section the case holds", () => {
    const facility = { type: "term_loan", amount: 5, currency: "EUR", tenorYears: 3, rate: 0.01, amortization: "bullet" } as const;
    const c = parseCase({ facility });
    expect(withProposedSections(c, proposedSections("Can we lend?")).facility).toMatchObject({ currency: "EUR", amount: 5 });
  });
});
