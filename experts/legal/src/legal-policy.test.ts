import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePolicy } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "./legal-policy.js";

const REFERENCE = fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url));
const referenceSection = () => YAML.parse(readFileSync(REFERENCE, "utf8")).experts.legal;

describe("LegalPolicySchema", () => {
  it("parses the legal section of the reference policy", () => {
    const legal = LegalPolicySchema.parse(referenceSection());
    expect(legal.sanctionedJurisdictions).toEqual(["CU", "IR", "KP", "SY"]);
    expect(legal.approvedGoverningLaws).toEqual(["JP", "NY", "EN", "SG"]);
    expect(legal.rules["LEG-SANC"].severity).toBe("critical");
    expect(legal.rules["LEG-KYC"]).toMatchObject({ failed: "critical", pending: "high" });
    expect(legal.rules["LEG-KYC"].missing).toBeUndefined();
    expect(legal.rules["LEG-LEX"].tiers).toEqual([
      { above: 0.25, severity: "critical" },
      { atLeast: 0.1, severity: "medium" },
    ]);
    expect(legal.rules["LEG-CLAUSE-SANC"].severity).toBe("high");
    expect(legal.rules["LEG-CLAUSE-COC"]).toMatchObject({
      severity: "medium",
      facilityTypes: ["term_loan"],
      tenorAboveYears: 5,
      requiredClauses: ["cross_default", "change_of_control"],
    });
    expect(legal.rules["LEG-LAW"].severity).toBe("medium");
  });

  it("is what the full reference policy resolves for the legal expert", () => {
    const policy = parsePolicy(YAML.parse(readFileSync(REFERENCE, "utf8")));
    expect(LegalPolicySchema.safeParse(policy.experts.legal).success).toBe(true);
  });

  it("refuses an unknown key with its path", () => {
    const section = referenceSection();
    section.rules["LEG-LAW"].severty = "high";
    const result = LegalPolicySchema.safeParse(section);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["rules", "LEG-LAW"]);
  });

  it("refuses a missing rule rather than silently disabling it", () => {
    const section = referenceSection();
    delete section.rules["LEG-SANC"];
    expect(LegalPolicySchema.safeParse(section).success).toBe(false);
  });

  it("refuses a bad country code, severity, tier, facility type or clause", () => {
    const bad = (mutate: (s: any) => void) => {
      const section = referenceSection();
      mutate(section);
      return LegalPolicySchema.safeParse(section).success;
    };
    expect(bad((s) => (s.sanctionedJurisdictions = ["Iran"]))).toBe(false);
    expect(bad((s) => (s.rules["LEG-KYC"].failed = "fatal"))).toBe(false);
    expect(bad((s) => (s.rules["LEG-LEX"].tiers = [{ above: 0.25, atLeast: 0.1, severity: "high" }]))).toBe(false);
    expect(bad((s) => (s.rules["LEG-LEX"].tiers = []))).toBe(false);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].facilityTypes = ["mortgage"]))).toBe(false);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].requiredClauses = ["arbitration"]))).toBe(false);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].tenorAboveYears = -1))).toBe(false);
    expect(bad((s) => (s.approvedGoverningLaws = []))).toBe(false);
    expect(bad((s) => delete s.rules["LEG-LAW"].citation)).toBe(false);
  });

  it("accepts an optional severity for a missing KYC status", () => {
    const section = referenceSection();
    section.rules["LEG-KYC"].missing = "medium";
    expect(LegalPolicySchema.parse(section).rules["LEG-KYC"].missing).toBe("medium");
  });
});
