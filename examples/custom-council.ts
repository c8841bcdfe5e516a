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
import { writeReports } from "@kyocho/report";
import { createCouncil } from "@kyocho/council";
import { exampleArgs, shown } from "./support/example-args.js";
// 1–2. A fifth expert (real-estate collateral) and the reference policy with a section for it: the same module
// `kyocho ask|plan|batch|worker|eval --council examples/councils/real-estate.ts` loads.
import realEstateCouncil from "./councils/real-estate.js";

// 3. The council: five experts, one graph.
const council = createCouncil({ experts: realEstateCouncil.experts, policy: realEstateCouncil.policy! });

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
    type: "term_loan",
    amount: 8e9,
    currency: "JPY",
    tenorYears: 5,
    rate: 0.012,
    amortization: "bullet",
    refinances: 8e9,
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
