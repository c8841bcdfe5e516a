import { evidenceAge } from "../calculators/evidence-age.js";
import { describeParty, describePartyJa, type Party } from "../parties.js";
import { listNames, listNamesJa, type DataGapFn, type RuleOutcome } from "./rule-outcome.js";

/**
 * Screening evidence: every party needs a sanctions screening no older than
 * `maxAgeDays` before `asOf`. A party with none, with an undated one (the v1
 * `sanctionsHit` flag) or with a stale one is a DATA-GAP naming the field to
 * refresh — an unscreened party is never treated as clean. A stale `hit` is
 * reported here too: the veto stands, and the file still needs a current
 * screening.
 *
 * @example
 * applyScreeningEvidence({ parties, asOf: "2026-11-30", maxAgeDays: 30, dataGap })
 */
export function applyScreeningEvidence(input: { parties: readonly Party[]; asOf: string; maxAgeDays: number; dataGap: DataGapFn }): RuleOutcome {
  const missing: Party[] = [];
  const stale: { party: Party; text: string; ja: string }[] = [];
  for (const party of input.parties) {
    const age = evidenceAge(party.screening && { date: party.screening.screenedOn }, input.asOf, input.maxAgeDays);
    if (age.state === "missing") missing.push(party);
    else if (age.state === "undated") {
      stale.push({
        party,
        text: `${describeParty(party)}: screening result has no date`,
        ja: `${describePartyJa(party)}：スクリーニング結果に日付がありません`,
      });
    } else if (age.state === "stale") {
      stale.push({
        party,
        text: `${describeParty(party)}: screened ${age.date}, ${age.ageDays} days before ${input.asOf}`,
        ja: `${describePartyJa(party)}：スクリーニング日 ${age.date}、基準日 ${input.asOf} まで${age.ageDays}日経過`,
      });
    }
  }
  const metrics = { screeningMissing: missing.length, screeningStale: stale.length };
  const findings = [];
  if (missing.length > 0) {
    findings.push(
      input.dataGap(
        missing.map((p) => `${p.path}.screening`),
        {
          en: `No sanctions screening on file — ${listNames(missing.map(describeParty))}; an unscreened party is never treated as clean.`,
          ja: `制裁スクリーニングの記録がありません：${listNamesJa(missing.map(describePartyJa))}。スクリーニング未実施の当事者を問題なしとは扱いません。`,
        },
      ),
    );
  }
  if (stale.length > 0) {
    findings.push(
      input.dataGap(
        // The v1 flag is named as the field to supply: what the file lacks is a dated `screening` record.
        stale.map(({ party }) => party.screening!.path.replace(/\.sanctionsHit$/, ".screening")),
        {
          en: `Sanctions screening older than ${input.maxAgeDays} days or undated — ${listNames(stale.map((s) => s.text))}; re-screen before relying on it.`,
          ja:
            `制裁スクリーニングが${input.maxAgeDays}日を超えて経過しているか、日付がありません。${stale.map((s) => s.ja).join("；")}。` +
            "依拠する前に再スクリーニングしてください。",
        },
      ),
    );
  }
  return { findings, metrics, notes: [] };
}
