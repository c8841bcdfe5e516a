import { z } from "zod";
import type { ExpertResult } from "@kyocho/core";
import { DATA_GAP_RULE_ID, DATA_NEEDED_RULE_ID, FindingSchema } from "@kyocho/core/assessment";
import type { Finding } from "@kyocho/core";
import { todayUtc } from "@kyocho/core/case";
import { UserInputError } from "@kyocho/core";
import { KnowledgeBase } from "@kyocho/knowledge";
import type { Policy } from "@kyocho/core";
import { parseWith } from "@kyocho/core/validation";
import { answerWithModel } from "@kyocho/models";
import { dataFindings } from "./data-findings.js";
import type { Expert, ExpertRequest, ExpertRunOptions } from "@kyocho/core";
import type { ExpertDefinition, ExpertFinding } from "@kyocho/core/expert";

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Defines an expert. The definition is checked now, not at the first run;
 * the returned expert never throws from `run`: a crash, a timeout or an
 * output that breaks the finding contract becomes a `failed` result.
 *
 * @example
 * const esg = defineExpert({
 *   name: "esg",
 *   description: "Environmental, social and governance screening",
 *   keywords: ["esg", "climate", "emissions", "脱炭素"],
 *   run: ({ case: c }) => ({ findings: [], metrics: { score: 0.7 } }),
 * });
 */
export function defineExpert<P = undefined>(definition: ExpertDefinition<P>): Expert<P> {
  if (!NAME.test(definition.name)) {
    throw new UserInputError("must be lower-case letters, digits or '-', starting with a letter (max 32)", {
      path: "name",
      source: "expert definition",
    });
  }
  if (typeof definition.run !== "function") {
    throw new UserInputError("must be a function", { path: "run", source: `expert ${definition.name}` });
  }
  const name = definition.name;
  const domain = definition.domain ?? name;
  const knowledge = definition.knowledge ?? KnowledgeBase.empty();
  const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resolved = new WeakMap<Policy, P>();

  const resolvePolicy = (policy: Policy): P => {
    if (!definition.policySchema) return undefined as P;
    const cached = resolved.get(policy);
    if (cached !== undefined) return cached;
    const section = policy.experts[name];
    if (section === undefined) {
      throw new UserInputError(`missing: the ${name} expert needs its policy section`, {
        path: `experts.${name}`,
        source: `policy ${policy.id}`,
      });
    }
    const parsed = parseWith(definition.policySchema, section, {
      source: `policy ${policy.id}`,
      pathPrefix: `experts.${name}`,
    });
    resolved.set(policy, parsed);
    return parsed;
  };

  const finishFinding = (finding: ExpertFinding): Finding => FindingSchema.parse({ ...finding, expert: name, domain });

  const run = async (request: ExpertRequest, options: ExpertRunOptions = {}): Promise<ExpertResult> => {
    const started = performance.now();
    const { task } = request;
    const base = {
      taskId: task.id,
      expert: name,
      domain,
      role: task.role,
      findings: [] as Finding[],
      metrics: {} as Record<string, number | null>,
      citations: [] as ExpertResult["citations"],
      notes: [] as string[],
    };
    // A run asked for after its caller gave up (a council stopped while this task waited on a dependency) does not start.
    if (options.signal?.aborted) return { ...base, status: "failed", error: describeFailure(new ExpertAborted()), latencyMs: elapsed(started) };
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener("abort", onOuterAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      const expertPolicy = resolvePolicy(request.policy);
      const question = task.question;
      const passages = knowledge.retrieve(question, 3);
      const output = await Promise.race([
        Promise.resolve(
          definition.run({
            task,
            question,
            case: request.case,
            policy: expertPolicy,
            fullPolicy: request.policy,
            dependencies: request.dependencies,
            role: task.role,
            knowledge,
            passages,
            signal: controller.signal,
            ...dataFindings(request.policy.merge),
            asOf: request.case?.asOf ?? todayUtc(),
          }),
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const timeout = new ExpertTimeout(timeoutMs);
            reject(timeout);
            // The run is told to stop, not merely abandoned: a calculation still going would hold its resources for nothing.
            controller.abort(timeout);
          }, timeoutMs);
          controller.signal.addEventListener("abort", () => reject(new ExpertAborted()), { once: true });
        }),
      ]);
      const findings = output.findings.map((f) =>
        // An advisory expert was not called for by the data, so what it lacks is guidance, not a gap in the evidence.
        task.role === "advisory" && f.ruleId === DATA_GAP_RULE_ID
          ? finishFinding({ ...f, ruleId: DATA_NEEDED_RULE_ID, severity: "info", title: "Data needed" })
          : finishFinding(f),
      );
      const deterministic: ExpertResult = {
        ...base,
        status: "ok",
        findings,
        metrics: z.record(z.string(), z.number().nullable()).parse(output.metrics ?? {}),
        citations: [...passages, ...(output.citations ?? [])],
        notes: output.notes ?? [],
        ...(output.model ? { model: output.model } : {}),
        latencyMs: elapsed(started),
      };
      reportFacts(options, deterministic);
      if (!options.model) return deterministic;
      // The model has its own time limit; the expert's covered the deterministic path, whose result must survive a slow model.
      clearTimeout(timer);
      const withModel = await answerWithModel(
        { expert: { name, domain, description: definition.description }, request, result: deterministic, passages, knowledge },
        { model: options.model, audit: options.audit, signal: controller.signal },
      );
      return { ...withModel, latencyMs: elapsed(started) };
    } catch (error) {
      return { ...base, status: "failed", error: describeFailure(error), latencyMs: elapsed(started) };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onOuterAbort);
    }
  };

  const expert: Expert<P> = {
    name,
    domain,
    description: definition.description,
    keywords: definition.keywords,
    caseSchema: definition.caseSchema ?? {},
    knowledge,
    timeoutMs,
    vetoes: Object.freeze([...(definition.vetoes ?? [])]),
    isRequired: (c) => (c && definition.isRequired ? definition.isRequired(c) : false),
    dependsOn: (c) => (definition.dependsOn?.(c) ?? []).map((d) => (typeof d === "string" ? d : d.expert)),
    awaitsAnswerOf: (c) => (definition.dependsOn?.(c) ?? []).flatMap((d) => (typeof d !== "string" && d.on === "answer" ? [d.expert] : [])),
    subQuestion: (question, c) => definition.subQuestion?.(question, c) ?? (question.trim() || `Assess the ${domain} risk of this case.`),
    resolvePolicy,
    run,
    asNode: () => async (state) => ({ result: await run(state.request) }),
  };
  return Object.freeze(expert);
}

/** A listener's own failure must not turn the expert's good facts into a failed run. */
function reportFacts(options: ExpertRunOptions, facts: ExpertResult): void {
  try {
    options.onFacts?.(facts);
  } catch {
    // The council's listener never throws; a custom executor's listener is its own business.
  }
}

class ExpertTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}
class ExpertAborted extends Error {
  constructor() {
    super("aborted");
  }
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof ExpertTimeout) return { code: "TIMEOUT", message: error.message };
  if (error instanceof ExpertAborted) return { code: "ABORTED", message: error.message };
  if (error instanceof UserInputError) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return { code: "BAD_OUTPUT", message: `expert output broke the contract at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "EXPERT_ERROR", message: message.split("\n")[0] ?? "error" };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
