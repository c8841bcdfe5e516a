import { parseCase, type CaseInput, type LocalizedText } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { english, japaneseForm } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import { caseParties } from "../parties.js";
import { applyScreeningEvidence } from "./screening-evidence.js";

const ASOF = "2026-11-30";
const dataGap = (fields: string[], message: LocalizedText): ExpertFinding => {
  const ja = japaneseForm({ en: "Data gap", ja: "データ不足" }, message);
  return { ruleId: "DATA-GAP", severity: "medium", title: "Data gap", message: english(message), metrics: {}, citations: [], fields, ...(ja ? { ja } : {}) };
};
// reference-v2.yaml: screeningMaxAgeDays 30
const run = (caseInput: CaseInput, maxAgeDays = 30, asOf = ASOF) =>
  applyScreeningEvidence({ parties: caseParties(parseCase({ asOf: ASOF, ...caseInput })), asOf, maxAgeDays, dataGap });
const screened = (screenedOn: string, result: "clear" | "potential_match" | "hit" = "clear") => ({ screening: { result, screenedOn } });

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("screening evidence", () => {
  it("is satisfied by a current screening for every party", () => {
    const out = run({
      borrower: { name: "B", country: "JP", ...screened("2026-11-20") },
      counterparties: [{ name: "T", country: "US", role: "target", ...screened(ASOF) }],
    });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ screeningMissing: 0, screeningStale: 0 });
  });

  it("is a DATA-GAP naming <party path>.screening for every unscreened party (never treated as clean)", () => {
    const out = run({
      borrower: { name: "B", country: "JP" },
      counterparties: [
        { name: "T", country: "US", role: "target", ...screened("2026-11-20") },
        { name: "G", country: "JP", role: "guarantor", ...screened("2026-11-20") },
        { name: "S", country: "DE", role: "seller" },
      ],
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["borrower.screening", "counterparties[2].screening"] });
    expect(out.findings[0]?.message).toBe(
      "No sanctions screening on file — B (borrower, JP) and S (seller, DE); an unscreened party is never treated as clean.",
    );
    expect(out.metrics).toEqual({ screeningMissing: 2, screeningStale: 0 });
  });

  it("names the group member's screening path", () => {
    const out = run({ group: { members: [{ name: "P", country: "JP" }] } });
    expect(out.findings[0]?.fields).toEqual(["group.members[0].screening"]);
  });

  it("is current at exactly 30 days before asOf (2026-10-31)", () => {
    const out = run({ borrower: { name: "B", country: "JP", ...screened("2026-10-31") } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ screeningMissing: 0, screeningStale: 0 });
  });

  it("is a stale DATA-GAP at 31 days before asOf (2026-10-30), naming the screening field", () => {
    const out = run({ counterparties: [{ name: "T", country: "US", role: "target", ...screened("2026-10-30") }] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["counterparties[0].screening"] });
    expect(out.findings[0]?.message).toBe(
      "Sanctions screening older than 30 days or undated — T (target, US): screened 2026-10-30, 31 days before 2026-11-30; re-screen before relying on it.",
    );
    expect(out.metrics).toEqual({ screeningMissing: 0, screeningStale: 1 });
  });

  it("reads the v1 flag sanctionsHit: false as a clear screening with no date: a stale DATA-GAP naming the .screening to supply", () => {
    const out = run({ counterparties: [{ name: "T", country: "US", role: "target", sanctionsHit: false }] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["counterparties[0].screening"] });
    expect(out.findings[0]?.message).toBe(
      "Sanctions screening older than 30 days or undated — T (target, US): screening result has no date; re-screen before relying on it.",
    );
    expect(out.metrics).toEqual({ screeningMissing: 0, screeningStale: 1 });
  });

  it("reports a stale hit too: the veto stands and the file still needs a current screening", () => {
    const out = run({ borrower: { name: "B", country: "AE", ...screened("2020-01-01", "hit") } });
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["borrower.screening"] });
    expect(out.findings[0]?.message).toContain("B (borrower, AE): screened 2020-01-01, 2525 days before 2026-11-30");
  });

  it("reads the v1 flag sanctionsHit: true as an undated hit: like any stale hit, a DATA-GAP as well as the veto", () => {
    const out = run({ borrower: { name: "B", country: "AE", sanctionsHit: true } });
    expect(out.findings.map((f) => f.fields)).toEqual([["borrower.screening"]]);
    expect(out.findings[0]?.message).toContain("B (borrower, AE): screening result has no date");
  });

  it("reports a stale potential match too", () => {
    expect(run({ borrower: { name: "B", country: "AE", ...screened("2026-09-01", "potential_match") } }).metrics.screeningStale).toBe(1);
  });

  it("gives one gap for the missing and one for the stale, missing first", () => {
    const out = run({
      borrower: { name: "B", country: "JP", ...screened("2026-01-01") },
      counterparties: [
        { name: "S", country: "DE", role: "seller" },
        { name: "O", country: "SG", role: "other", sanctionsHit: false },
      ],
    });
    expect(out.findings.map((f) => f.fields)).toEqual([["counterparties[0].screening"], ["borrower.screening", "counterparties[1].screening"]]);
    expect(out.metrics).toEqual({ screeningMissing: 1, screeningStale: 2 });
  });

  it("ages a borrower listed twice by its most recent screening", () => {
    const out = run({
      borrower: { name: "B", country: "JP", ...screened("2026-01-01") },
      counterparties: [{ name: "B", country: "JP", role: "borrower", ...screened("2026-11-25") }],
    });
    expect(out.findings).toEqual([]);
  });

  it("follows the maximum age and the date it is given", () => {
    const input = { borrower: { name: "B", country: "JP", ...screened("2026-11-22") } };
    expect(run(input, 8).findings).toEqual([]);
    expect(run(input, 7).findings[0]?.message).toContain("screened 2026-11-22, 8 days before 2026-11-30");
    expect(run(input, 30, "2027-01-01").findings[0]?.message).toContain("screened 2026-11-22, 40 days before 2027-01-01");
  });
});

describe("screening evidence in Japanese", () => {
  it("names the unscreened parties in Japanese", () => {
    const out = run({ borrower: { name: "B", country: "JP" }, counterparties: [{ name: "S", country: "DE", role: "seller" }] });
    expect(out.findings[0]?.ja).toEqual({
      title: "データ不足",
      message: "制裁スクリーニングの記録がありません：B（借り手、JP）、S（売り手、DE）。スクリーニング未実施の当事者を問題なしとは扱いません。",
    });
  });

  it("gives the same maximum age, screening date, day count and asOf for a stale or undated screening", () => {
    // 2026-01-01 → 2026-11-30: 333 days (Nov 30 is day 334 of 2026), above the 30 allowed.
    const out = run({
      borrower: { name: "B", country: "JP", ...screened("2026-01-01") },
      counterparties: [{ name: "O", country: "SG", role: "other", sanctionsHit: false }],
    });
    const f = out.findings[0];
    expect(f?.message).toBe(
      "Sanctions screening older than 30 days or undated — B (borrower, JP): screened 2026-01-01, 333 days before 2026-11-30 " +
        "and O (other, SG): screening result has no date; re-screen before relying on it.",
    );
    expect(f?.ja?.message).toBe(
      "制裁スクリーニングが30日を超えて経過しているか、日付がありません。B（借り手、JP）：スクリーニング日 2026-01-01、基準日 2026-11-30 まで333日経過；" +
        "O（その他、SG）：スクリーニング結果に日付がありません。依拠する前に再スクリーニングしてください。",
    );
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
  });

  it("follows the maximum age and the date it is given in Japanese too", () => {
    // 2026-11-22 → 2027-01-01: 8 + 31 = 40 days.
    const f = run({ borrower: { name: "B", country: "JP", ...screened("2026-11-22") } }, 7, "2027-01-01").findings[0];
    expect(f?.ja?.message).toContain("7日を超えて");
    expect(f?.ja?.message).toContain("スクリーニング日 2026-11-22、基準日 2027-01-01 まで40日経過");
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
  });
});
