import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { keywordMatches, parseCase, parsePolicy, type CaseInput, type TaskRole } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { createLegalExpert, legalExpert, legalSubQuestion } from "./legal-expert.js";

const policy = parsePolicy(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")),
  "reference-v1.yaml",
);

async function ask(caseInput: CaseInput | undefined, options: { question?: string; role?: TaskRole } = {}) {
  const c = caseInput ? parseCase(caseInput) : undefined;
  const question = legalExpert.subQuestion(options.question ?? "", c);
  const result = await legalExpert.run({
    assessmentId: "test",
    task: { id: "legal", expert: "legal", question, dependsOn: [], role: options.role ?? "required" },
    case: c,
    policy,
    dependencies: {},
  });
  expect(result.status, result.error?.message).toBe("ok");
  return result;
}
const ruleIds = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);
const finding = (r: { findings: { ruleId: string }[] }, id: string) => r.findings.find((f) => f.ruleId === id) as any;

const acquisition: CaseInput = {
  question: "Can we lend USD 8bn to Tokyo Holdings to buy Target Inc?",
  borrower: { name: "Tokyo Holdings", country: "JP" },
  facility: { type: "term_loan", amount: 8e9, currency: "USD", tenorYears: 7, rate: 0.055, amortization: "linear" },
  counterparties: [
    { name: "Tokyo Holdings", country: "JP", role: "borrower", kyc: "complete", sanctionsHit: false },
    { name: "Target Inc", country: "US", role: "target", kyc: "pending" },
  ],
  contract: { governingLaw: "NY", clauses: ["cross_default"] },
  marketData: { USD: { spot: 125, vol: 0.1 } },
};

describe("legal expert on full cases", () => {
  it("fires KYC, large exposure and both clause rules on a cross-border acquisition loan", async () => {
    const r = await ask(acquisition);
    expect(ruleIds(r)).toEqual(["LEG-KYC", "LEG-LEX", "LEG-CLAUSE-SANC", "LEG-CLAUSE-COC"]);
    expect(finding(r, "LEG-KYC").severity).toBe("high");
    expect(finding(r, "LEG-LEX")).toMatchObject({ severity: "medium", expert: "legal", domain: "legal" });
    expect(finding(r, "LEG-CLAUSE-SANC").severity).toBe("high");
    expect(finding(r, "LEG-CLAUSE-COC").metrics).toMatchObject({ "missingClause.change_of_control": 1, "missingClause.cross_default": 0 });
    expect(r.metrics).toEqual({
      counterpartyCount: 2,
      sanctionedCounterparties: 0,
      kycFailed: 0,
      kycPending: 1,
      kycMissing: 0,
      largeExposureRatio: 0.1,
      groupExposure: 1e12,
      crossBorder: 1,
      foreignCounterparties: 1,
      foreignCurrencyFacility: 1,
      sanctionsClause: 0,
      missingRequiredClauses: 1,
      "missingClause.cross_default": 0,
      "missingClause.change_of_control": 1,
      governingLawApproved: 1,
    });
    for (const f of r.findings) {
      expect(f.citations[0]?.document).toBe("legal/compliance-policy.md");
      expect(f.condition).toBeTruthy();
    }
  });

  it("is clean for a domestic, documented, screened deal", async () => {
    const r = await ask({
      facility: { type: "term_loan", amount: 5e9, currency: "JPY", tenorYears: 3, rate: 0.01, amortization: "bullet" },
      counterparties: [{ name: "Osaka KK", country: "JP", role: "borrower", kyc: "complete" }],
      contract: { governingLaw: "JP", clauses: ["cross_default"] },
    });
    expect(r.findings).toEqual([]);
    expect(r.metrics).toMatchObject({ largeExposureRatio: 0.0005, crossBorder: 0, governingLawApproved: 1 });
  });

  it("is critical on a sanctioned jurisdiction, a screening hit and a failed KYC", async () => {
    const r = await ask({
      counterparties: [
        { name: "Tehran Petro", country: "IR", role: "seller", kyc: "failed" },
        { name: "Dubai Trading", country: "AE", role: "other", kyc: "complete", sanctionsHit: true },
        { name: "Tokyo KK", country: "JP", role: "borrower", kyc: "complete" },
      ],
      contract: { governingLaw: "JP", clauses: ["sanctions"] },
    });
    expect(ruleIds(r)).toEqual(["LEG-SANC", "LEG-KYC"]);
    expect(finding(r, "LEG-SANC")).toMatchObject({ severity: "critical", metrics: { sanctionedCounterparties: 2, counterpartyCount: 3 } });
    expect(finding(r, "LEG-KYC").severity).toBe("critical");
  });

  it("screens the borrower when no counterparty is the borrower, and says so", async () => {
    const r = await ask({
      borrower: { name: "Havana Sugar", country: "CU" },
      facility: { type: "revolver", amount: 1e9, currency: "JPY", tenorYears: 2, rate: 0.02, amortization: "bullet" },
    });
    expect(ruleIds(r)).toEqual(["LEG-SANC", "LEG-KYC", "LEG-CLAUSE-SANC", "LEG-LAW"]);
    expect(finding(r, "LEG-SANC").fields).toEqual(["borrower.country"]);
    expect(finding(r, "LEG-KYC").severity).toBe("high");
    expect(r.notes.join(" ")).toContain("Havana Sugar is screened as a counterparty");
  });

  it("fires LEG-LAW for a missing and an unapproved governing law", async () => {
    const base = { counterparties: [{ name: "A", country: "JP", role: "borrower" as const, kyc: "complete" as const }] };
    expect(ruleIds(await ask({ ...base, contract: {} }))).toEqual(["LEG-LAW"]);
    expect(finding(await ask({ ...base, contract: { governingLaw: "DE" } }), "LEG-LAW").severity).toBe("medium");
  });

  it("does not judge governing law with counterparties only, but still asks for a sanctions clause across borders", async () => {
    const r = await ask({ counterparties: [{ name: "A", country: "SG", role: "borrower", kyc: "complete" }] });
    expect(ruleIds(r)).toEqual(["LEG-CLAUSE-SANC"]);
    expect(r.metrics).not.toHaveProperty("governingLawApproved");
    expect(r.metrics).not.toHaveProperty("largeExposureRatio");
  });
});

describe("legal expert data gaps", () => {
  it("reports a missing spot as a DATA-GAP and keeps the other rules", async () => {
    const { marketData: _dropped, ...noSpot } = acquisition;
    const r = await ask(noSpot);
    const gap = finding(r, "DATA-GAP");
    expect(gap).toMatchObject({ severity: "medium", fields: ["marketData.USD.spot"] });
    expect(r.metrics.largeExposureRatio).toBeNull();
    expect(ruleIds(r)).toEqual(["LEG-KYC", "DATA-GAP", "LEG-CLAUSE-SANC", "LEG-CLAUSE-COC"]);
  });

  it("reports a DATA-GAP on counterparties when nobody can be screened", async () => {
    const r = await ask({ contract: { governingLaw: "EN", clauses: ["sanctions"] } });
    expect(ruleIds(r)).toEqual(["DATA-GAP"]);
    expect(finding(r, "DATA-GAP").fields).toEqual(["counterparties"]);
  });

  it("answers a question-only run with passages and a DATA-GAP naming counterparties and contract", async () => {
    const r = await ask(undefined, { question: "How does sanctions screening work for a sanctioned jurisdiction?" });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "DATA-GAP", severity: "medium", fields: ["counterparties", "contract"] });
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.map((c) => c.section)).toContain("Sanctions screening (LEG-SANC)");
  });

  it("turns the gap into DATA-NEEDED info when advisory", async () => {
    const r = await ask(undefined, { question: "制裁リスクと本人確認について教えてください", role: "advisory" });
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["counterparties", "contract"] }),
    ]);
    expect(r.citations.some((c) => c.document.endsWith(".ja.md"))).toBe(true);
  });

  it("with only a borrower (advisory), asks for data but still screens the borrower for sanctions", async () => {
    const clean = await ask({ borrower: { name: "Acme", country: "US" } }, { question: "Any sanctions issue?", role: "advisory" });
    expect(ruleIds(clean)).toEqual(["DATA-NEEDED"]);
    const hit = await ask({ borrower: { name: "Damascus Co", country: "SY" } }, { question: "Any sanctions issue?", role: "advisory" });
    expect(ruleIds(hit)).toEqual(["DATA-NEEDED", "LEG-SANC"]);
    expect(finding(hit, "LEG-SANC").severity).toBe("critical");
  });
});

describe("legal expert routing", () => {
  it("is required when counterparties, a contract or a facility is present", () => {
    const facility = { type: "bond" as const, amount: 1, currency: "JPY", tenorYears: 1, rate: 0, amortization: "bullet" as const };
    expect(legalExpert.isRequired(parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ contract: {} }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ facility }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ borrower: { name: "A", country: "JP" } }))).toBe(false);
    expect(legalExpert.isRequired(parseCase({ counterparties: [] }))).toBe(false);
    expect(legalExpert.isRequired(undefined)).toBe(false);
  });

  it("depends on no other expert", () => {
    expect(legalExpert.dependsOn(parseCase(acquisition))).toEqual([]);
  });

  it("has at least 25 English and 25 Japanese keywords", () => {
    const ascii = legalExpert.keywords.filter((k) => /^[\x00-\x7f]+$/.test(k));
    const japanese = legalExpert.keywords.filter((k) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(k));
    expect(ascii.length).toBeGreaterThanOrEqual(25);
    expect(japanese.length).toBeGreaterThanOrEqual(25);
    expect(new Set(legalExpert.keywords).size).toBe(legalExpert.keywords.length);
  });

  it.each([
    "Is there any OFAC exposure in this deal?",
    "Has KYC been completed on the beneficial owners?",
    "Which governing law does the facility agreement use?",
    "Does this breach the large exposure limit?",
    "この買収に制裁リスクはありますか？",
    "反社チェックと本人確認は済んでいますか",
    "準拠法はニューヨーク州法で問題ないか",
    "大口信用供与規制に抵触しませんか",
    "Is New York law acceptable for this facility?",
    "Is the counterparty's onboarding finished?",
    "What happens if the borrower gets taken over?",
    "Our exposure to the group would go to 28% of Tier 1 — does that breach anything?",
    "The seller is linked to a Russian oligarch.",
    "英国法準拠の契約で問題ありませんか",
  ])("is called for by the question %s", (question) => {
    expect(legalExpert.keywords.some((k) => keywordMatches(question, k))).toBe(true);
  });

  it("is not called for by a pure credit or FX question", () => {
    for (const q of ["What is the borrower's leverage and DSCR?", "How much of the USD exposure is hedged?", "為替ヘッジ比率は？"]) {
      expect(legalExpert.keywords.filter((k) => keywordMatches(q, k))).toEqual([]);
    }
  });
});

describe("legalSubQuestion", () => {
  it("passes an English question on as asked", () => {
    expect(legalSubQuestion("  Can we lend to Acme? ", parseCase(acquisition))).toBe("From a legal standpoint: Can we lend to Acme?");
  });
  it("writes a Japanese sub-question for a Japanese question", () => {
    expect(legalSubQuestion("この融資は可能か？", parseCase(acquisition))).toBe("法務の観点から：この融資は可能か？");
  });
  it("names what the case lets it check when there is no question", () => {
    const q = legalSubQuestion("", parseCase(acquisition));
    expect(q).toContain("sanctions screening and KYC of the counterparties");
    expect(q).toContain("the large-exposure limit");
    expect(legalSubQuestion("", undefined)).toContain("Legal and compliance review");
  });
  it("leaves out the large-exposure check without a facility", () => {
    expect(legalSubQuestion("", parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).not.toContain("large-exposure");
  });
});

describe("createLegalExpert", () => {
  it("accepts another knowledge directory and a time limit", () => {
    const expert = createLegalExpert({ knowledgeDir: fileURLToPath(new URL("../knowledge", import.meta.url)), timeoutMs: 1000 });
    expect(expert.timeoutMs).toBe(1000);
    expect(expert.knowledge.passages.length).toBe(legalExpert.knowledge.passages.length);
  });
  it("resolves the reference policy section", () => {
    expect(legalExpert.resolvePolicy(policy).rules["LEG-LEX"].tiers).toHaveLength(2);
  });
  it("rejects a bad legal policy section with its path", async () => {
    const bad = parsePolicy({ ...YAML.parse(readFileSync(fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")) });
    (bad.experts.legal as any).rules["LEG-LEX"].tiers[0].above = "high";
    expect(() => createLegalExpert().resolvePolicy(bad)).toThrow(/experts\.legal\.rules\.LEG-LEX\.tiers/);
  });
});
