import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePolicy } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { createLegalExpert } from "./legal-expert.js";
import { LegalPolicySchema } from "./legal-policy.js";

const policyPath = (name: string) => fileURLToPath(new URL(`../../../councils/reference/policies/${name}`, import.meta.url));
const REFERENCE = policyPath("reference-v2.yaml");
const referenceFile = () => YAML.parse(readFileSync(REFERENCE, "utf8"));
const referenceSection = () => referenceFile().experts.legal;
/** The first issue of parsing a mutated reference section, or undefined when it parses. */
const firstIssue = (mutate: (s: any) => void) => {
  const section = referenceSection();
  mutate(section);
  const result = LegalPolicySchema.safeParse(section);
  return result.success ? undefined : result.error.issues[0];
};

describe("LegalPolicySchema", () => {
  it("parses the legal section of the reference policy v2, carrying every value of the file through", () => {
    const legal = LegalPolicySchema.parse(referenceSection());
    // The file's values, whatever a risk officer set them to, arrive unchanged.
    expect(legal).toMatchObject(referenceSection());
    // What no policy file can change: sanctions and anti-social forces are critical.
    expect(legal.rules["LEG-SANC"].severity).toBe("critical");
    expect(legal.rules["LEG-ASF"].severity).toBe("critical");
    expect(legal.sanctionedJurisdictions.length).toBeGreaterThan(0);
  });

  it("still parses reference-v1.yaml (kept loadable for comparison), with v1's values", () => {
    const legal = LegalPolicySchema.parse(YAML.parse(readFileSync(policyPath("reference-v1.yaml"), "utf8")).experts.legal);
    expect(legal.rules["LEG-KYC"]).toMatchObject({ failed: "critical", pending: "high" });
    expect(legal.rules["LEG-CLAUSE-COC"].facilityTypes).toEqual(["term_loan"]);
    // ...under the same compliance floor as v2.
    expect(legal.rules["LEG-SANC"].severity).toBe("critical");
    expect(legal.rules["LEG-ASF"].severity).toBe("critical");
  });

  it("is what the full reference policy resolves for the legal expert", () => {
    const policy = parsePolicy(referenceFile());
    expect(LegalPolicySchema.safeParse(policy.experts.legal).success).toBe(true);
  });

  it("refuses an unknown key with its path", () => {
    const issue = firstIssue((s) => (s.rules["LEG-LAW"].severty = "high"));
    expect(issue?.path).toEqual(["rules", "LEG-LAW"]);
  });

  it("refuses the v1 'missing' KYC severity, which v2 replaced with a DATA-GAP, as an unknown key", () => {
    const issue = firstIssue((s) => (s.rules["LEG-KYC"].missing = "medium"));
    expect(issue).toMatchObject({ code: "unrecognized_keys", keys: ["missing"], path: ["rules", "LEG-KYC"] });
  });

  it("refuses a missing rule rather than silently disabling it", () => {
    for (const id of ["LEG-SANC", "LEG-ASF", "LEG-SANC-MATCH", "LEG-KYC-REFRESH", "LEG-PEP", "LEG-CLAUSE-ASF"]) {
      expect(firstIssue((s) => delete s.rules[id])?.path, id).toEqual(["rules", id]);
    }
  });

  it.each(["high", "medium", "low", "info"])("refuses LEG-SANC or LEG-ASF at %s: a veto is always critical", (severity) => {
    for (const id of ["LEG-SANC", "LEG-ASF"]) {
      const issue = firstIssue((s) => (s.rules[id].severity = severity));
      expect(issue?.path).toEqual(["rules", id, "severity"]);
      expect(issue?.message).toBe("must be critical: this rule is a veto no policy can soften");
    }
  });

  it("refuses an empty sanctionedJurisdictions list", () => {
    const issue = firstIssue((s) => (s.sanctionedJurisdictions = []));
    expect(issue?.path).toEqual(["sanctionedJurisdictions"]);
    expect(issue?.message).toContain("an empty list would screen nobody");
  });

  it("refuses a missing screening age or anti-social-forces section", () => {
    expect(firstIssue((s) => delete s.screeningMaxAgeDays)?.path).toEqual(["screeningMaxAgeDays"]);
    expect(firstIssue((s) => delete s.antiSocialCheck)?.path).toEqual(["antiSocialCheck"]);
  });

  it("refuses a bad country code, severity, tier, facility type, clause or day count", () => {
    const bad = (mutate: (s: any) => void) => firstIssue(mutate) !== undefined;
    expect(bad((s) => (s.sanctionedJurisdictions = ["Iran"]))).toBe(true);
    expect(bad((s) => (s.antiSocialCheck.requiredFor = ["Japan"]))).toBe(true);
    expect(bad((s) => (s.rules["LEG-KYC"].failed = "fatal"))).toBe(true);
    expect(bad((s) => (s.rules["LEG-LEX"].tiers = [{ above: 0.25, atLeast: 0.1, severity: "high" }]))).toBe(true);
    expect(bad((s) => (s.rules["LEG-LEX"].tiers = []))).toBe(true);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].facilityTypes = ["mortgage"]))).toBe(true);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].requiredClauses = ["arbitration"]))).toBe(true);
    expect(bad((s) => (s.rules["LEG-CLAUSE-COC"].tenorAboveYears = -1))).toBe(true);
    expect(bad((s) => (s.approvedGoverningLaws = []))).toBe(true);
    expect(bad((s) => delete s.rules["LEG-LAW"].citation)).toBe(true);
    expect(bad((s) => (s.screeningMaxAgeDays = 0))).toBe(true);
    expect(bad((s) => (s.screeningMaxAgeDays = 30.5))).toBe(true);
    expect(bad((s) => (s.rules["LEG-KYC-REFRESH"].refreshDays.high = -365))).toBe(true);
    expect(bad((s) => delete s.rules["LEG-KYC-REFRESH"].refreshDays.low)).toBe(true);
  });

  it("accepts a policy that widens the lists and moves the thresholds", () => {
    expect(firstIssue((s) => (s.sanctionedJurisdictions = ["CU", "IR", "KP", "SY", "RU"]))).toBeUndefined();
    expect(firstIssue((s) => (s.antiSocialCheck.requiredFor = []))).toBeUndefined();
    expect(firstIssue((s) => (s.screeningMaxAgeDays = 7))).toBeUndefined();
  });
});

describe("the legal expert resolving a whole policy file", () => {
  const resolve = (mutate: (p: any) => void) => {
    const file = referenceFile();
    mutate(file);
    return () => createLegalExpert().resolvePolicy(parsePolicy(file, "policy file test.yaml"));
  };

  it("resolves the reference policy", () => {
    expect(resolve(() => {})().rules["LEG-SANC"].severity).toBe("critical");
  });

  it("names experts.legal.rules.LEG-SANC.severity when a file softens the sanctions veto", () => {
    expect(resolve((p) => (p.experts.legal.rules["LEG-SANC"].severity = "high"))).toThrow(
      "policy reference-v2: experts.legal.rules.LEG-SANC.severity: must be critical: this rule is a veto no policy can soften",
    );
  });

  it("names experts.legal.rules.LEG-ASF.severity and experts.legal.sanctionedJurisdictions too", () => {
    expect(resolve((p) => (p.experts.legal.rules["LEG-ASF"].severity = "medium"))).toThrow(/experts\.legal\.rules\.LEG-ASF\.severity/);
    expect(resolve((p) => (p.experts.legal.sanctionedJurisdictions = []))).toThrow(/experts\.legal\.sanctionedJurisdictions/);
    expect(resolve((p) => delete p.experts.legal.rules["LEG-ASF"])).toThrow(/experts\.legal\.rules\.LEG-ASF/);
  });
});
