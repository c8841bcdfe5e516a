import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPolicyFile, parsePolicy } from "@kyocho/core";
import { loadReferencePolicy } from "@kyocho/reference-council";
import { diffPolicies } from "./policy-diff.js";

const example = (name: string) => loadPolicyFile(fileURLToPath(new URL(`../../../examples/policies/${name}.yaml`, import.meta.url)));
const texts = (name: string) => diffPolicies(loadReferencePolicy(), example(name)).map((c) => c.text);
const NAMING = ["policy id", "policy name", "policy version"];

describe("diffPolicies names each change in a risk officer's words", () => {
  it("tighter leverage: both LEN-LEV tiers, by severity, and nothing else", () => {
    expect(texts("tighter-leverage").filter((t) => !NAMING.some((n) => t.startsWith(n)))).toEqual([
      "LEN-LEV high tier: above 6 → above 5.5",
      "LEN-LEV medium tier: above 4 → above 2",
    ]);
    expect(texts("tighter-leverage").slice(0, 3)).toEqual([
      "policy id: reference-v2 → tighter-leverage",
      "policy name: Reference Policy v2 → Tighter leverage (candidate)",
      "policy version: 2.0 → 2.1-candidate",
    ]);
  });

  it("higher hedge minimum: the ratio as a percentage, the reworded condition in both languages", () => {
    expect(texts("higher-hedge-minimum").filter((t) => !NAMING.some((n) => t.startsWith(n)))).toEqual([
      "FX-HEDGE minimum hedge ratio: 50% → 80%",
      "FX-HEDGE condition (EN) reworded: “Hedge at least 50% of each material net currency position before drawdown.” → “Hedge at least 80% of each material net currency position before drawdown.”",
      "FX-HEDGE condition (JA) reworded: “実行前に、重要な通貨別ネット・ポジションの50%以上をヘッジする。” → “実行前に、重要な通貨別ネット・ポジションの80%以上をヘッジする。”",
    ]);
    expect(diffPolicies(loadReferencePolicy(), example("higher-hedge-minimum"))[3]).toEqual({
      path: "experts.fx.rules.FX-HEDGE.minHedgeRatio",
      ruleId: "FX-HEDGE",
      text: "FX-HEDGE minimum hedge ratio: 50% → 80%",
    });
  });

  it("a new sanctioned jurisdiction: the list as + PH", () => {
    expect(texts("new-sanctioned-jurisdiction").filter((t) => !NAMING.some((n) => t.startsWith(n)))).toEqual(["legal: sanctioned jurisdictions + PH"]);
  });

  it("compares validated content, not text: the same policy is no change; tiers added and dropped, lists shrunk, values removed", () => {
    const base = loadReferencePolicy();
    expect(diffPolicies(base, structuredClone(base))).toEqual([]);
    const edited = structuredClone(base) as { experts: Record<string, any> } & typeof base;
    const lev = edited.experts.lending.rules["LEN-LEV"];
    lev.tiers = [
      { above: 6.0, severity: "high" },
      { above: 8.0, severity: "critical" },
    ];
    edited.experts.legal.sanctionedJurisdictions = ["CU", "IR", "KP", "BY"];
    delete edited.experts.fx.rules["FX-VOL"].volAbove;
    const moved = parsePolicy(edited);
    expect(diffPolicies(base, moved).map((c) => c.text)).toEqual([
      "LEN-LEV medium tier dropped (was above 4)",
      "LEN-LEV new critical tier: above 8",
      "legal: sanctioned jurisdictions + BY, − SY",
      "FX-VOL vol above removed (was 15%)",
    ]);
  });
});
