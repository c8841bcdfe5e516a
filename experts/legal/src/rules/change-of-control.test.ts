import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { applyChangeOfControlRule } from "./change-of-control.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-CLAUSE-COC"];

const facility = (tenorYears: number, type = "term_loan") => ({ type, amount: 1e9, currency: "JPY", tenorYears, rate: 0.02, amortization: "linear" });
const run = (caseInput: object, r: LegalPolicy["rules"]["LEG-CLAUSE-COC"] = rule) => applyChangeOfControlRule({ c: parseCase(caseInput), rule: r });
const both = { clauses: ["cross_default", "change_of_control"] };

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-CLAUSE-COC (reference v2: term_loan and revolver, tenor > 5)", () => {
  it("is silent just below and at the tenor threshold", () => {
    expect(run({ facility: facility(4.99), contract: { clauses: [] } }).findings).toEqual([]);
    expect(run({ facility: facility(5), contract: { clauses: [] } }).findings).toEqual([]);
  });

  it("is medium just above the threshold with both clauses missing", () => {
    const out = run({ facility: facility(5.01), contract: { clauses: ["sanctions"] } });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-CLAUSE-COC",
      severity: "medium",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Cross-default and change of control (LEG-CLAUSE-COC)" }],
      fields: ["contract.clauses"],
    });
    expect(out.findings[0]?.metrics).toEqual({
      missingRequiredClauses: 2,
      "missingClause.cross_default": 1,
      "missingClause.change_of_control": 1,
      tenorYears: 5.01,
    });
    expect(out.findings[0]?.message).toContain("cross-default and change-of-control clauses");
  });

  it("says which one clause is missing", () => {
    const onlyCoc = run({ facility: facility(7), contract: { clauses: ["change_of_control"] } });
    expect(onlyCoc.findings[0]?.metrics).toMatchObject({ "missingClause.cross_default": 1, "missingClause.change_of_control": 0 });
    expect(onlyCoc.findings[0]?.message).toContain("lacks cross-default clause");
    const onlyXd = run({ facility: facility(7), contract: { clauses: ["cross_default"] } });
    expect(onlyXd.findings[0]?.metrics).toMatchObject({ missingRequiredClauses: 1, "missingClause.change_of_control": 1 });
  });

  it("is silent with both clauses", () => {
    const out = run({ facility: facility(10), contract: both });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ missingRequiredClauses: 0, "missingClause.cross_default": 0, "missingClause.change_of_control": 0 });
  });

  it("treats a missing contract as no clauses", () => {
    expect(run({ facility: facility(6) }).findings[0]?.metrics.missingRequiredClauses).toBe(2);
  });

  it("now fires for a revolver above five years too (v2 adds revolver to facilityTypes)", () => {
    expect(run({ facility: facility(5, "revolver"), contract: { clauses: [] } }).findings).toEqual([]);
    const out = run({ facility: facility(5.5, "revolver"), contract: { clauses: ["cross_default"] } });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "LEG-CLAUSE-COC", severity: "medium", fields: ["contract.clauses"] });
    expect(out.findings[0]?.metrics).toEqual({
      missingRequiredClauses: 1,
      "missingClause.cross_default": 0,
      "missingClause.change_of_control": 1,
      tenorYears: 5.5,
    });
    expect(out.findings[0]?.message).toBe("revolver of 5.5 years (above 5) lacks change-of-control clause.");
  });

  it("does not apply to a bond, however long", () => {
    expect(run({ facility: facility(10, "bond") }).findings).toEqual([]);
  });

  it("leaves a revolver out when the policy's facilityTypes do (v1's scope: term loans only, inline)", () => {
    const v1Scope: LegalPolicy["rules"]["LEG-CLAUSE-COC"] = { ...rule, facilityTypes: ["term_loan"] };
    expect(run({ facility: facility(10, "revolver") }, v1Scope).findings).toEqual([]);
    expect(run({ facility: facility(10, "term_loan") }, v1Scope).findings).toHaveLength(1);
  });

  it("is skipped without a facility", () => {
    const out = run({ contract: { clauses: [] } });
    expect(out.findings).toEqual([]);
    expect(out.notes[0]).toContain("no facility");
  });

  it("follows the policy's types, tenor, clauses and severity (inline policy)", () => {
    const inline: LegalPolicy["rules"]["LEG-CLAUSE-COC"] = {
      ...rule,
      severity: "high",
      facilityTypes: ["revolver", "term_loan"],
      tenorAboveYears: 3,
      requiredClauses: ["negative_pledge"],
    };
    expect(run({ facility: facility(3, "revolver") }, inline).findings).toEqual([]);
    const out = run({ facility: facility(3.5, "revolver"), contract: both }, inline);
    expect(out.findings[0]).toMatchObject({ severity: "high", metrics: { "missingClause.negative_pledge": 1, missingRequiredClauses: 1 } });
    expect(run({ facility: facility(4), contract: { clauses: ["negative_pledge"] } }, inline).findings).toEqual([]);
  });
});

describe("LEG-CLAUSE-COC in Japanese", () => {
  it("gives the same tenor and threshold, with the facility type and the missing clauses in Japanese", () => {
    const f = run({ facility: facility(7), contract: { clauses: [] } }).findings[0];
    expect(f?.message).toBe("term_loan of 7 years (above 5) lacks cross-default and change-of-control clauses.");
    expect(f?.ja).toEqual({
      title: "クロスデフォルト条項・支配権変更条項の欠如",
      message: "期間7年（5年超）のタームローンにクロスデフォルト条項・支配権変更条項がありません。",
      condition: japanese(rule.condition),
    });
    expect(numbers(f?.ja?.message)).toEqual(["5", "7"]);
  });

  it("names one missing clause on a revolver, with a fractional tenor as in English", () => {
    const f = run({ facility: facility(5.5, "revolver"), contract: { clauses: ["cross_default"] } }).findings[0];
    expect(f?.message).toBe("revolver of 5.5 years (above 5) lacks change-of-control clause.");
    expect(f?.ja?.message).toBe("期間5.5年（5年超）のコミットメントラインに支配権変更条項がありません。");
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
  });

  it("names every clause a policy can require in Japanese", () => {
    const inline = {
      ...rule,
      requiredClauses: ["sanctions", "negative_pledge", "mac", "anti_social_forces"] as LegalPolicy["rules"]["LEG-CLAUSE-COC"]["requiredClauses"],
    };
    expect(run({ facility: facility(7), contract: { clauses: [] } }, inline).findings[0]?.ja?.message).toBe(
      "期間7年（5年超）のタームローンに制裁条項・担保提供制限条項・MAC条項・暴力団排除条項がありません。",
    );
  });
});
