import { fileURLToPath } from "node:url";
import { readDataFile } from "@kyocho/core/validation";
import type { Case } from "@kyocho/core";
import type { Council } from "@kyocho/council";

/** The repository root (the benchmark runs the CLI from here). */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The built `kyocho` command. */
export const KYOCHO_BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));

/**
 * The four-expert case: legal, fx and markets in parallel, lending
 * after fx (full-council: every section filled, all four experts required).
 */
export const FOUR_EXPERT_CASE = fileURLToPath(new URL("../../examples/cases/full-council.yaml", import.meta.url));

/** The question asked of the four-expert case; `n` makes each one distinct (a distinct assessment id). */
export function fourExpertQuestion(n: number | string): string {
  return `Can we lend USD 80m to Hayate Motors for its US acquisition, given that we already hold its bonds? (#${n})`;
}

/** Reads and validates the four-expert case against a council's case schema. */
export function loadFourExpertCase(council: Council): Case {
  return council.parseCase(readDataFile(FOUR_EXPERT_CASE, "case file"), `case file ${FOUR_EXPERT_CASE}`);
}

/** The model planner's answer for the four-expert case: what a good planner model would say. */
export const FOUR_EXPERT_PLAN = {
  tasks: [
    { expert: "fx", question: "How much of the USD exposure is hedged, and what does a 20% yen move cost against EBITDA?", dependsOn: [] },
    { expert: "lending", question: "Leverage, DSCR and interest cover after the acquisition, with USD revenue stressed net of hedges.", dependsOn: ["fx"] },
    { expert: "legal", question: "Sanctions and KYC on the counterparties; large exposure; the facility's clauses.", dependsOn: [] },
    { expert: "markets", question: "Rate, concentration and liquidity risk of the bonds and loans already in the book.", dependsOn: [] },
  ],
  rationale: "Cross-border acquisition finance in USD for a borrower whose bonds the bank holds.",
};
