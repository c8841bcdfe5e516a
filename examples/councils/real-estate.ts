/**
 * A council module: the four reference experts plus a fifth, real-estate
 * collateral, under the reference policy with a section for the new expert.
 * Every command that runs a council takes it:
 *
 *   npx kyocho ask --council examples/councils/real-estate.ts --case examples/councils/office-tower.yaml
 *   npx kyocho worker --council examples/councils/real-estate.ts          # serves all five experts' queues
 *   npx kyocho batch questions.jsonl --out answers.jsonl --queue --council examples/councils/real-estate.ts
 *
 * (TypeScript modules load through tsx when it is installed; otherwise compile the module to JavaScript.)
 */
import { z } from "zod";
import { defineExpert } from "@kyocho/expert-kit";
import { evaluateTiers, loadPolicyFile, TiersSchema, type Case } from "@kyocho/core";
import { defineCouncil } from "@kyocho/council";
import { referenceExperts, REFERENCE_POLICY_PATH } from "@kyocho/reference-council";

/** Real-estate collateral: it reads its own case section and its own policy section. */
export const realEstate = defineExpert({
  name: "real-estate",
  description: "Real-estate collateral: vacancy and valuation age",
  keywords: ["property", "real estate", "vacancy", "appraisal", "不動産", "空室率", "鑑定"],
  caseSchema: {
    property: z.strictObject({ vacancyRate: z.number().min(0).max(1), appraisalAgeYears: z.number().nonnegative() }).optional(),
  },
  policySchema: z.strictObject({ vacancy: TiersSchema, condition: z.string() }),
  isRequired: (c: Case) => c.property !== undefined,
  run: ({ case: c, policy, dataGap }) => {
    const property = c?.property as { vacancyRate: number; appraisalAgeYears: number } | undefined;
    if (!property) return { findings: [dataGap(["property"], "no property data: vacancy and appraisal age are needed")] };
    const severity = evaluateTiers(property.vacancyRate, policy.vacancy);
    return {
      metrics: { vacancyRate: property.vacancyRate, appraisalAgeYears: property.appraisalAgeYears },
      findings: severity
        ? [
            {
              ruleId: "RE-VACANCY",
              severity,
              title: "Vacancy",
              message: `vacancy ${(property.vacancyRate * 100).toFixed(1)}%`,
              metrics: { vacancyRate: property.vacancyRate },
              citations: [],
              condition: policy.condition,
            },
          ]
        : [],
    };
  },
});

// The reference policy plus a section for the new expert (a bank would keep this in its own YAML file).
const reference = loadPolicyFile(REFERENCE_POLICY_PATH);
export const policy = {
  ...reference,
  id: "reference-v2-real-estate",
  experts: {
    ...reference.experts,
    "real-estate": {
      vacancy: [
        { above: 0.15, severity: "medium" },
        { above: 0.3, severity: "high" },
      ],
      condition: "Fresh appraisal and a vacancy covenant.",
    },
  },
};

export default defineCouncil({ experts: [...referenceExperts, realEstate], policy });
