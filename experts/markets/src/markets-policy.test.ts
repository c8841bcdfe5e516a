import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { MarketsPolicySchema } from "./markets-policy.js";

// Relative to this test file: experts/markets/src → repository root.
const REFERENCE_POLICY_PATH = fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url));
const section = () => structuredClone(YAML.parse(readFileSync(REFERENCE_POLICY_PATH, "utf8")).experts.markets);

describe("MarketsPolicySchema", () => {
  it("parses the markets section of the reference policy with its values", () => {
    const policy = MarketsPolicySchema.parse(section());
    expect(policy.rules["MKT-RATE"].shockBp).toBe(200);
    expect(policy.rules["MKT-RATE"].tiers).toEqual([
      { above: 0.1, severity: "high" },
      { above: 0.05, severity: "medium" },
    ]);
    expect(policy.rules["MKT-CONC"]).toMatchObject({
      largestShareAbove: 0.25,
      largestShareSeverity: "medium",
      hhiAbove: 2500,
      hhiSeverity: "high",
    });
    expect(policy.rules["MKT-LIQ"].tiers).toEqual([
      { above: 1.0, severity: "high" },
      { above: 0.2, severity: "medium" },
    ]);
    expect(policy.rules["MKT-RATE"].title).toEqual({ en: "Interest-rate sensitivity", ja: "金利感応度" });
    for (const rule of Object.values(policy.rules)) {
      expect(rule.citation.document).toBe("markets/markets-policy.md");
      // Every title and condition carries its Japanese form (a Japanese report reads Japanese throughout).
      expect(rule.title).toMatchObject({ en: expect.any(String), ja: expect.any(String) });
      expect(rule.condition).toMatchObject({ en: expect.any(String), ja: expect.any(String) });
    }
  });

  it("rejects an unknown key with its path", () => {
    const bad = section();
    bad.rules["MKT-LIQ"].treshold = 1;
    const result = MarketsPolicySchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["rules", "MKT-LIQ"]);
  });

  it("rejects a missing rule, a share above 1 and a bad severity", () => {
    const missing = section();
    delete missing.rules["MKT-CONC"];
    expect(MarketsPolicySchema.safeParse(missing).success).toBe(false);

    const share = section();
    share.rules["MKT-CONC"].largestShareAbove = 25;
    expect(MarketsPolicySchema.safeParse(share).error?.issues[0]?.path).toEqual(["rules", "MKT-CONC", "largestShareAbove"]);

    const severity = section();
    severity.rules["MKT-CONC"].hhiSeverity = "severe";
    expect(MarketsPolicySchema.safeParse(severity).error?.issues[0]?.path).toEqual(["rules", "MKT-CONC", "hhiSeverity"]);
  });

  it("keeps the section's keys exactly: no rule or parameter the expert does not read", () => {
    const raw = section();
    expect(Object.keys(raw.rules).sort()).toEqual(["MKT-CONC", "MKT-LIQ", "MKT-RATE"]);
    const parsed = MarketsPolicySchema.parse(raw);
    for (const id of Object.keys(raw.rules)) {
      expect(Object.keys(parsed.rules[id as keyof typeof parsed.rules]).sort()).toEqual(Object.keys(raw.rules[id]).sort());
    }
  });

  it("rejects a non-positive shock and a tier naming two thresholds", () => {
    const shock = section();
    shock.rules["MKT-RATE"].shockBp = 0;
    expect(MarketsPolicySchema.safeParse(shock).error?.issues[0]?.path).toEqual(["rules", "MKT-RATE", "shockBp"]);

    const tier = section();
    tier.rules["MKT-RATE"].tiers[0] = { above: 0.1, below: 0.2, severity: "high" };
    expect(MarketsPolicySchema.safeParse(tier).success).toBe(false);
  });
});
