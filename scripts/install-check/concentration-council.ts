/**
 * A council module as a developer outside this repository writes one, against
 * the installed packages only: the four reference experts plus a fifth,
 * revenue concentration in one foreign currency, under the reference policy
 * with a section for the new expert. `scripts/check-install.sh` compiles it
 * in a temporary project and runs it through program.ts and through
 * `kyocho ask --council`.
 */
import { z } from "zod";
import { defineExpert } from "@kyocho/expert-kit";
import { evaluateTiers, loadPolicyFile, TiersSchema, type Case } from "@kyocho/core";
import { defineCouncil } from "@kyocho/council";
import { referenceExperts, REFERENCE_POLICY_PATH } from "@kyocho/reference-council";

/** The rule id the install check looks for in the output. */
export const CONCENTRATION_RULE_ID = "CONC-FX-REVENUE";

/** The largest share of the borrower's revenue earned in one foreign currency. */
function largestForeignShare(c: Case | undefined): { currency: string; share: number } | undefined {
  const shares = Object.entries(c?.borrower?.financials?.foreignRevenueShare ?? {});
  return shares.reduce<{ currency: string; share: number } | undefined>(
    (best, [currency, share]) => (best && best.share >= share ? best : { currency, share }),
    undefined,
  );
}

export const concentration = defineExpert({
  name: "concentration",
  description: "Revenue concentration: how much of the borrower's revenue comes in one foreign currency",
  keywords: ["concentration", "foreign revenue", "集中", "外貨売上"],
  policySchema: z.strictObject({ foreignRevenueShare: TiersSchema, condition: z.string() }),
  isRequired: (c) => largestForeignShare(c) !== undefined,
  run: ({ case: c, policy }) => {
    const largest = largestForeignShare(c);
    if (!largest) return { findings: [] };
    const severity = evaluateTiers(largest.share, policy.foreignRevenueShare);
    return {
      metrics: { largestForeignRevenueShare: largest.share },
      findings: severity
        ? [
            {
              ruleId: CONCENTRATION_RULE_ID,
              severity,
              title: "Foreign revenue concentration",
              message: `${(largest.share * 100).toFixed(0)}% of revenue is earned in ${largest.currency}`,
              metrics: { share: largest.share },
              citations: [],
              condition: policy.condition,
            },
          ]
        : [],
    };
  },
});

// The reference policy as installed with @kyocho/reference-council, plus the new expert's section.
const reference = loadPolicyFile(REFERENCE_POLICY_PATH);
export const policy = {
  ...reference,
  id: "reference-v2-concentration",
  experts: {
    ...reference.experts,
    concentration: {
      foreignRevenueShare: [
        { above: 0.3, severity: "medium" },
        { above: 0.6, severity: "high" },
      ],
      condition: "Revenue diversification plan reviewed annually.",
    },
  },
};

export default defineCouncil({ experts: [...referenceExperts, concentration], policy });
