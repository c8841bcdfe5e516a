/**
 * Composing your own council in code: the four reference experts plus a
 * fifth of your own, defined with `defineExpert`, under a policy that gives
 * the new expert a threshold a risk officer can edit.
 *
 *   npx tsx examples/custom-council.ts [--out DIR]        # or: npm run example:custom-council
 *
 * Writes out/custom-council.{html,md}: the fifth expert's domain has its own row in the heat map.
 */
import { join } from "node:path";
import { z } from "zod";
import { writeReports } from "@kyocho/cli";
import { defineExpert, evaluateTiers, loadPolicyFile, TiersSchema, type Case } from "@kyocho/core";
import { createCouncil, referenceExperts, REFERENCE_POLICY_PATH } from "@kyocho/graphs";
import { exampleArgs, shown } from "./support/example-args.js";

// 1. A fifth expert: real-estate collateral. It reads its own case section and its own policy section.
const realEstate = defineExpert({
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
        ? [{ ruleId: "RE-VACANCY", severity, title: "Vacancy", message: `vacancy ${(property.vacancyRate * 100).toFixed(1)}%`, metrics: { vacancyRate: property.vacancyRate }, citations: [], condition: policy.condition }]
        : [],
    };
  },
});

// 2. The reference policy plus a section for the new expert (a bank would keep this in its own YAML file).
const reference = loadPolicyFile(REFERENCE_POLICY_PATH);
const policy = {
  ...reference,
  experts: {
    ...reference.experts,
    "real-estate": { vacancy: [{ above: 0.15, severity: "medium" }, { above: 0.3, severity: "high" }], condition: "Fresh appraisal and a vacancy covenant." },
  },
};

// 3. The council: five experts, one graph.
const council = createCouncil({ experts: [...referenceExperts, realEstate], policy });

// A case from outside says its format (`schemaVersion: 2`); Tier 1 capital has no default (LEG-LEX needs it).
const deal = council.parseCase({
  schemaVersion: 2,
  id: "office-tower",
  bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 10e12 },
  borrower: {
    name: "Minato Office REIT",
    country: "JP",
    financials: { currency: "JPY", revenue: 9e9, ebitda: 5e9, totalDebt: 20e9, interestExpense: 2e8, annualDebtService: 2.5e9 },
  },
  // The new loan repays JPY 8bn of the existing debt (a refinancing), secured on the tower (real estate: a 30% haircut).
  facility: {
    type: "term_loan", amount: 8e9, currency: "JPY", tenorYears: 5, rate: 0.012, amortization: "bullet", refinances: 8e9,
    collateral: [{ type: "real_estate", value: 11e9, currency: "JPY" }],
  },
  counterparties: [{ name: "Minato Office REIT", country: "JP", role: "borrower", kyc: "complete" }],
  contract: { governingLaw: "JP", clauses: ["sanctions", "cross_default", "change_of_control"] },
  property: { vacancyRate: 0.22, appraisalAgeYears: 2 },
});

const assessment = await council.assess({ question: "Can we refinance the office tower loan?", case: deal });
console.log(`${assessment.decision} (${assessment.rating})`);
for (const f of assessment.findings) console.log(`  ${f.severity.padEnd(8)} ${f.ruleId.padEnd(12)} ${f.expert.padEnd(12)} ${f.message}`);
console.log(`experts: ${assessment.experts.map((e) => `${e.name}=${e.status}`).join(", ")}`);

// 4. The same reports as `kyocho ask --html --md`.
const base = join(exampleArgs().outDir, "custom-council");
for (const w of writeReports(assessment, { html: `${base}.html`, md: `${base}.md` })) console.log(`wrote ${shown(w.path)} (${w.bytes} bytes)`);
