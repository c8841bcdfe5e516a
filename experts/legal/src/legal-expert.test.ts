import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { keywordMatches } from "@kyocho/core/plan";
import { parseCase, parsePolicy, type CaseInput } from "@kyocho/core";
import type { TaskRole } from "@kyocho/core/assessment";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { createLegalExpert, legalExpert, legalSubQuestion } from "./legal-expert.js";

const REFERENCE = fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url));
const policy = parsePolicy(YAML.parse(readFileSync(REFERENCE, "utf8")), "reference-v2.yaml");
const ASOF = "2026-11-30";

async function ask(caseInput: CaseInput | undefined, options: { question?: string; role?: TaskRole } = {}) {
  // The reference bank (Tier 1 capital JPY 10tn) unless the case names its own: v2 assumes no Tier 1 capital.
  const c = caseInput ? parseCase({ asOf: ASOF, bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1e13 }, ...caseInput }) : undefined;
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
const gapFields = (r: { findings: { ruleId: string; fields?: string[] }[] }) => r.findings.filter((f) => f.ruleId === "DATA-GAP").map((f) => f.fields);

/** Current, complete compliance evidence for a party (asOf 2026-11-30). */
const evidence = {
  screening: { result: "clear" as const, screenedOn: "2026-11-20", lists: ["OFAC SDN", "UN"] },
  kyc: { status: "complete" as const, reviewedOn: "2026-06-01", riskRating: "low" as const },
  antiSocialCheck: { result: "clear" as const, checkedOn: "2026-11-02" },
};

const acquisition: CaseInput = {
  question: "Can we lend USD 8bn to Tokyo Holdings to buy Target Inc?",
  borrower: { name: "Tokyo Holdings", country: "JP", ...evidence },
  facility: { type: "term_loan", amount: 8e9, currency: "USD", tenorYears: 7, rate: 0.055, amortization: "linear" },
  counterparties: [{ name: "Target Inc", country: "US", role: "target", screening: { result: "clear", screenedOn: "2026-11-20" }, kyc: "pending" }],
  contract: { governingLaw: "NY", clauses: ["cross_default", "anti_social_forces"] },
  marketData: { USD: { spot: 125, vol: 0.1 } },
};

/** The same deal as a v1 case file writes it: no dates, the borrower listed twice, the v1 flags. */
const acquisitionV1: CaseInput = {
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
  it("fires KYC, large exposure and both clause rules on a cross-border acquisition loan with current evidence", async () => {
    const r = await ask(acquisition);
    expect(ruleIds(r)).toEqual(["LEG-KYC", "LEG-LEX", "LEG-CLAUSE-SANC", "LEG-CLAUSE-COC"]);
    expect(finding(r, "LEG-KYC")).toMatchObject({ severity: "medium", fields: ["counterparties[0].kyc"] });
    expect(finding(r, "LEG-LEX")).toMatchObject({ severity: "medium", expert: "legal", domain: "legal" });
    expect(finding(r, "LEG-CLAUSE-SANC").severity).toBe("high");
    expect(finding(r, "LEG-CLAUSE-COC").metrics).toMatchObject({ "missingClause.change_of_control": 1, "missingClause.cross_default": 0 });
    expect(r.metrics).toEqual({
      partyConflicts: 0,
      partyCount: 2,
      sanctionedParties: 0,
      sanctionsPotentialMatches: 0,
      screeningMissing: 0,
      screeningStale: 0,
      antiSocialHits: 0,
      antiSocialChecksMissing: 0,
      kycFailed: 0,
      kycPending: 1,
      kycMissing: 0,
      kycRefreshDue: 0,
      pepWithoutEdd: 0,
      largeExposureRatio: 0.1,
      groupExposure: 1e12,
      facilityExposure: 1e12,
      existingExposure: 0,
      marketsExposure: 0,
      crossBorder: 1,
      foreignParties: 1,
      foreignCurrencyFacility: 1,
      sanctionsClause: 0,
      missingRequiredClauses: 1,
      "missingClause.cross_default": 0,
      "missingClause.change_of_control": 1,
      antiSocialClause: 1,
      governingLawApproved: 1,
    });
    for (const f of r.findings) {
      expect(f.citations[0]?.document).toBe("legal/compliance-policy.md");
      expect(f.condition).toBeTruthy();
    }
  });

  it("asks a v1 case file for dated evidence: undated and missing screenings, a 反社 check, a KYC refresh and the 暴排 clause", async () => {
    const r = await ask(acquisitionV1);
    expect(r.findings.map((f) => `${f.ruleId}:${f.severity}:${(f.fields ?? []).join(",")}`)).toEqual([
      "DATA-GAP:medium:counterparties[1].screening",
      "DATA-GAP:medium:counterparties[0].screening",
      "DATA-GAP:medium:borrower.antiSocialCheck",
      "LEG-KYC:medium:counterparties[1].kyc",
      "LEG-KYC-REFRESH:medium:counterparties[0].kyc",
      "LEG-LEX:medium:facility.amount,bank.tier1Capital",
      "LEG-CLAUSE-SANC:high:contract.clauses",
      "LEG-CLAUSE-COC:medium:contract.clauses",
      "LEG-CLAUSE-ASF:high:contract.clauses",
    ]);
    expect(r.metrics).toMatchObject({ partyCount: 2, partyConflicts: 0, screeningMissing: 1, screeningStale: 1, kycMissing: 0 });
  });

  it("is clean for a domestic, documented deal with current evidence", async () => {
    const r = await ask({
      borrower: { name: "Osaka KK", country: "JP", ...evidence },
      facility: { type: "term_loan", amount: 5e9, currency: "JPY", tenorYears: 3, rate: 0.01, amortization: "bullet" },
      contract: { governingLaw: "JP", clauses: ["cross_default", "anti_social_forces"] },
    });
    expect(r.findings).toEqual([]);
    expect(r.metrics).toMatchObject({ largeExposureRatio: 0.0005, crossBorder: 0, governingLawApproved: 1, antiSocialClause: 1 });
  });

  it("is critical on a sanctioned jurisdiction, a screening hit and a failed KYC", async () => {
    const r = await ask({
      borrower: { name: "Tokyo KK", country: "JP", ...evidence },
      counterparties: [
        { name: "Tehran Petro", country: "IR", role: "seller", kyc: "failed", screening: { result: "clear", screenedOn: "2026-11-20" } },
        { name: "Dubai Trading", country: "AE", role: "other", screening: { result: "hit", screenedOn: "2026-11-20" } },
      ],
      contract: { governingLaw: "JP", clauses: ["sanctions", "anti_social_forces"] },
    });
    expect(ruleIds(r)).toEqual(["LEG-SANC", "LEG-KYC"]);
    expect(finding(r, "LEG-SANC")).toMatchObject({
      severity: "critical",
      metrics: { sanctionedParties: 2, partyCount: 3 },
      fields: ["counterparties[0].country", "counterparties[1].screening"],
    });
    expect(finding(r, "LEG-SANC").message).toBe(
      "Tehran Petro (seller, IR): sanctioned jurisdiction IR and Dubai Trading (other, AE): screening hit (screened 2026-11-20).",
    );
    expect(finding(r, "LEG-KYC").severity).toBe("critical");
  });

  it("is a critical anti-social-forces veto on a 反社 hit", async () => {
    const r = await ask({
      borrower: { name: "Tokyo KK", country: "JP", ...evidence, antiSocialCheck: { result: "hit", checkedOn: "2026-11-02" } },
    });
    expect(ruleIds(r)).toEqual(["LEG-ASF"]);
    expect(finding(r, "LEG-ASF")).toMatchObject({ severity: "critical", fields: ["borrower.antiSocialCheck"] });
  });

  it("gives a borrower-only case in KP LEG-SANC plus DATA-GAPs, and no contract-rule findings", async () => {
    const r = await ask({ borrower: { name: "Pyongyang Trading", country: "KP" } });
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.fields])).toEqual([
      ["LEG-SANC", "critical", ["borrower.country"]],
      ["DATA-GAP", "medium", ["borrower.screening"]],
      ["DATA-GAP", "medium", ["borrower.kyc"]],
    ]);
    expect(finding(r, "LEG-SANC").message).toBe("Pyongyang Trading (borrower, KP): sanctioned jurisdiction KP.");
    expect(r.notes).toContain("Contract rules skipped: the case has no facility or contract to check.");
    expect(r.metrics).not.toHaveProperty("governingLawApproved");
  });

  it("fires LEG-LAW for a missing and an unapproved governing law", async () => {
    const base = { borrower: { name: "A", country: "SG", ...evidence } };
    expect(ruleIds(await ask({ ...base, contract: { clauses: ["sanctions"] } }))).toEqual(["LEG-LAW"]);
    expect(finding(await ask({ ...base, contract: { governingLaw: "DE", clauses: ["sanctions"] } }), "LEG-LAW").severity).toBe("medium");
  });

  it("judges no contract with parties only: no governing law, no sanctions clause", async () => {
    const r = await ask({ borrower: { name: "A", country: "SG", ...evidence } });
    expect(r.findings).toEqual([]);
    expect(r.metrics).not.toHaveProperty("governingLawApproved");
    expect(r.metrics).not.toHaveProperty("crossBorder");
    expect(r.metrics).not.toHaveProperty("largeExposureRatio");
  });

  it("uses the policy's data-conflict severity for a borrower given two countries", async () => {
    const r = await ask({
      borrower: { name: "Acme", country: "JP", ...evidence },
      counterparties: [{ name: "Acme", country: "SG", role: "borrower" }],
    });
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId: "DATA-CONFLICT", severity: "medium", fields: ["borrower.country", "counterparties[0].country"] }),
    ]);
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

  it("reports a DATA-GAP on the borrower and counterparties when nobody can be screened", async () => {
    const r = await ask({ contract: { governingLaw: "EN", clauses: ["sanctions"] } });
    expect(ruleIds(r)).toEqual(["DATA-GAP"]);
    expect(finding(r, "DATA-GAP").fields).toEqual(["borrower", "counterparties"]);
  });

  it("answers a question-only run with passages and a DATA-GAP naming the borrower, counterparties and contract", async () => {
    const r = await ask(undefined, { question: "How does sanctions screening work for a sanctioned jurisdiction?" });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "DATA-GAP", severity: "medium", fields: ["borrower", "counterparties", "contract"] });
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.map((c) => c.section)).toContain("Sanctions screening (LEG-SANC)");
  });

  it("turns the gap into DATA-NEEDED info when advisory", async () => {
    const r = await ask(undefined, { question: "制裁リスクと本人確認について教えてください", role: "advisory" });
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["borrower", "counterparties", "contract"] })]);
    expect(r.citations.some((c) => c.document.endsWith(".ja.md"))).toBe(true);
  });

  it("keeps the sanctions veto when run as advisory, its gaps turned into DATA-NEEDED", async () => {
    const hit = await ask({ borrower: { name: "Damascus Co", country: "SY" } }, { question: "Any sanctions issue?", role: "advisory" });
    expect(ruleIds(hit)).toEqual(["LEG-SANC", "DATA-NEEDED", "DATA-NEEDED"]);
    expect(finding(hit, "LEG-SANC").severity).toBe("critical");
  });

  it("names the exact fields to refresh for stale evidence", async () => {
    const r = await ask({
      borrower: { name: "Acme", country: "JP", ...evidence, screening: { result: "clear", screenedOn: "2026-10-30" } },
      group: { members: [{ name: "Acme Holdings", country: "JP", screening: { result: "clear", screenedOn: "2026-10-31" } }] },
    });
    expect(gapFields(r)).toEqual([["borrower.screening"], ["group.members[0].antiSocialCheck"]]);
  });
});

describe("legal expert routing", () => {
  it("declares LEG-SANC and LEG-ASF as its vetoes, in code", () => {
    expect(legalExpert.vetoes).toEqual(["LEG-SANC", "LEG-ASF"]);
    expect(createLegalExpert().vetoes).toEqual(["LEG-SANC", "LEG-ASF"]);
  });

  it("is required for a borrower alone, a group member alone, a counterparty, a facility or a contract", () => {
    const facility = { type: "bond" as const, amount: 1, currency: "JPY", tenorYears: 1, rate: 0, amortization: "bullet" as const };
    expect(legalExpert.isRequired(parseCase({ borrower: { name: "A", country: "JP" } }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ group: { members: [{ name: "P", country: "JP" }] } }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ facility }))).toBe(true);
    expect(legalExpert.isRequired(parseCase({ contract: {} }))).toBe(true);
  });

  it("is not required for a markets-only case, an empty case or no case", () => {
    expect(legalExpert.isRequired(parseCase({ markets: { positions: [{ id: "p1", issuer: "JGB", kind: "bond", marketValue: 1e9 }] } }))).toBe(false);
    expect(legalExpert.isRequired(parseCase({ counterparties: [], group: { members: [] } }))).toBe(false);
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
    expect(q).toBe(
      "Legal and compliance review of this deal: sanctions and anti-social-forces screening and KYC of every party; " +
        "the large-exposure limit; the contract clauses and governing law.",
    );
    expect(q).toContain("the large-exposure limit");
    expect(legalSubQuestion("", undefined)).toContain("Legal and compliance review");
  });
  it("leaves out the large-exposure check without a facility", () => {
    expect(legalSubQuestion("", parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).not.toContain("large-exposure");
  });
  it("asks for the screening of every party for a group member alone", () => {
    expect(legalSubQuestion("", parseCase({ group: { members: [{ name: "P", country: "JP" }] } }))).toBe(
      "Legal and compliance review of this deal: sanctions and anti-social-forces screening and KYC of every party.",
    );
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
    expect(legalExpert.resolvePolicy(policy).rules["LEG-KYC"].pending).toBe("medium");
  });
  it("refuses a policy that softens the sanctions veto, naming experts.legal.rules.LEG-SANC.severity", () => {
    const soft = YAML.parse(readFileSync(REFERENCE, "utf8"));
    soft.experts.legal.rules["LEG-SANC"].severity = "high";
    expect(() => createLegalExpert().resolvePolicy(parsePolicy(soft))).toThrow(/experts\.legal\.rules\.LEG-SANC\.severity: must be critical/);
  });
  it("rejects a bad legal policy section with its path", () => {
    const bad = parsePolicy(YAML.parse(readFileSync(REFERENCE, "utf8")));
    (bad.experts.legal as any).rules["LEG-LEX"].tiers[0].above = "high";
    expect(() => createLegalExpert().resolvePolicy(bad)).toThrow(/experts\.legal\.rules\.LEG-LEX\.tiers/);
  });
});
