import { defineExpert } from "@kyocho/expert-kit";
import { parsePolicy, type Expert, type Policy } from "@kyocho/core";

/**
 * A policy with nothing but a merge section, for councils of synthetic experts.
 *
 * @example
 * const council = createCouncil({ experts: [syntheticExpert("fx")], policy: syntheticPolicy() });
 */
export function syntheticPolicy(id = "synthetic-v1"): Policy {
  return parsePolicy({
    id,
    name: "Synthetic test policy",
    merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  });
}

/** Options of {@link syntheticExpert}. */
export interface SyntheticExpertOptions {
  /** Names of experts whose results it needs. */
  dependsOn?: string[];
  /** Milliseconds each run takes. */
  delayMs?: number;
  /** Fail (throw) on every run, or on the first `n` runs. */
  fail?: boolean | number;
  /** Error message when it fails; default `"<name> exploded"`. */
  failMessage?: string;
  /** Called at the start of every run, with the task id (to count or time runs). */
  onRun?: (taskId: string) => void;
  timeoutMs?: number;
}

/**
 * A deterministic expert for queue tests: one finding whose severity and
 * message depend only on the question and its dependencies' results, so a
 * run through the queue can be compared with a run in process.
 *
 * @example
 * const fx = syntheticExpert("fx");
 * const lending = syntheticExpert("lending", { dependsOn: ["fx"], delayMs: 20 });
 */
export function syntheticExpert(name: string, options: SyntheticExpertOptions = {}): Expert<undefined> {
  let runs = 0;
  return defineExpert({
    name,
    description: `${name} (synthetic)`,
    keywords: [name],
    isRequired: () => true,
    dependsOn: () => options.dependsOn ?? [],
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    run: async ({ task, question, dependencies }) => {
      runs++;
      options.onRun?.(task.id);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail === true || (typeof options.fail === "number" && runs <= options.fail)) {
        throw new Error(options.failMessage ?? `${name} exploded`);
      }
      const score = [...question].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 1000, 7);
      const severity = score % 3 === 0 ? "high" : score % 3 === 1 ? "medium" : "low";
      return {
        findings: [
          {
            ruleId: `${name.toUpperCase()}-1`,
            severity,
            title: `${name} check`,
            message: `score ${score}; after ${Object.keys(dependencies).sort().join(",") || "nothing"}`,
            metrics: { score },
            citations: [],
          },
        ],
        metrics: { score },
      };
    },
  });
}
