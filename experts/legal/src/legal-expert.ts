import { fileURLToPath } from "node:url";
import { defineExpert } from "@kyocho/expert-kit";
import { KnowledgeBase } from "@kyocho/knowledge";
import type { Case, Expert } from "@kyocho/core";
import { LEGAL_KEYWORDS } from "./legal-keywords.js";
import { LegalPolicySchema, type LegalPolicy } from "./legal-policy.js";
import { applyLegalRules, hasLegalData } from "./legal-rules.js";

/** Options of {@link createLegalExpert}. */
export interface LegalExpertOptions {
  /** Knowledge to retrieve from instead of the shipped documents. */
  knowledge?: KnowledgeBase;
  /** A directory of Markdown documents to load instead of the shipped `knowledge/`. */
  knowledgeDir?: string;
  /** Per-run time limit in milliseconds. */
  timeoutMs?: number;
}

/** The legal rules that decline a deal on their own: no policy file can take them away. */
export const LEGAL_VETOES: readonly string[] = Object.freeze(["LEG-SANC", "LEG-ASF"]);

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Creates the legal and compliance expert: every party of the case (the
 * borrower, the counterparties, the borrower's group) screened for sanctions
 * and anti-social forces (反社), with dated evidence; KYC, its refresh and
 * PEPs; the large-exposure limit; the contract's clauses and its governing
 * law (the rules of `experts.legal`). LEG-SANC and LEG-ASF are vetoes: their
 * finding declines the deal whatever the policy's decision table says.
 *
 * @example
 * const legal = createLegalExpert();
 * const result = await legal.run({ assessmentId, task, case: c, policy, dependencies: {} });
 */
export function createLegalExpert(options: LegalExpertOptions = {}): Expert<LegalPolicy> {
  const knowledge = options.knowledge ?? KnowledgeBase.fromDirectory("legal", options.knowledgeDir ?? fileURLToPath(new URL("../knowledge", import.meta.url)));
  return defineExpert<LegalPolicy>({
    name: "legal",
    domain: "legal",
    description:
      "Legal and compliance: sanctions and anti-social-forces (反社) screening of every party with dated evidence, KYC and its refresh, " +
      "PEPs, the large-exposure limit against Tier 1 capital, the sanctions, anti-social-forces, cross-default and change-of-control " +
      "clauses, and the governing law.",
    keywords: LEGAL_KEYWORDS,
    policySchema: LegalPolicySchema,
    knowledge,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    vetoes: LEGAL_VETOES,
    isRequired: (c) => hasLegalData(c),
    dependsOn: () => [],
    subQuestion: legalSubQuestion,
    run: (ctx) => applyLegalRules(ctx.case, ctx.policy, { asOf: ctx.asOf, dataGap: ctx.dataGap, dataConflict: ctx.dataConflict }),
  });
}

/**
 * The legal expert's share of a question, in Japanese when the question is.
 * A specific question is passed on as asked, so that retrieval follows its
 * words; without one, the sub-question names what the case lets the expert check.
 *
 * @example
 * legalSubQuestion("Can we lend USD 120m to Acme?", c) // "From a legal standpoint: Can we lend USD 120m to Acme?"
 * legalSubQuestion("", c) // "Legal and compliance review of this deal: sanctions screening and KYC of the counterparties; ..."
 */
export function legalSubQuestion(question: string, c: Case | undefined): string {
  const q = question.trim();
  const japanese = JAPANESE.test(q);
  // A short prefix: longer ones (コンプライアンス is seven bigrams) would outweigh the question in retrieval.
  if (japanese) return `法務の観点から：${q}`;
  if (q) return `From a legal standpoint: ${q}`;
  return `Legal and compliance review of this deal: ${focus(c).join("; ")}.`;
}

function focus(c: Case | undefined): string[] {
  const hasParties = (c?.counterparties?.length ?? 0) > 0 || c?.borrower !== undefined || (c?.group?.members.length ?? 0) > 0;
  const out: string[] = [];
  if (!c || hasParties) out.push("sanctions and anti-social-forces screening and KYC of every party");
  if (!c || c.facility) out.push("the large-exposure limit");
  if (!c || c.contract || c.facility) out.push("the contract clauses and governing law");
  return out.length > 0 ? out : ["sanctions screening, KYC and the contract clauses"];
}

/** The legal expert with the shipped knowledge documents. */
export const legalExpert = createLegalExpert();
