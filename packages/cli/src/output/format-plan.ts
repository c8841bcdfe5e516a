import { printableDeep } from "@kyocho/core/validation";
import type { Plan } from "@kyocho/core";
import { dependencyText } from "@kyocho/report";
import type { Style } from "./style.js";

/**
 * A plan as a short table: each sub-task, its expert, whether it is required
 * or advisory, what it waits for, and the question it is asked.
 */
export function formatPlan(given: Plan, style: Style): string {
  const plan = printableDeep(given); // a question's control characters are shown, never obeyed by the terminal
  const lines = [style.bold(`Plan (${plan.planner} planner, ${plan.tasks.length} sub-task${plan.tasks.length === 1 ? "" : "s"})`)];
  for (const t of plan.tasks) {
    const after = `${t.dependsOn.length > 0 ? ` after ${dependencyText(t, "its answer").join(", ")}` : ""}${t.speculative ? " (started before the plan)" : ""}`;
    lines.push(`  ${t.id.padEnd(10)} ${t.expert.padEnd(10)} ${t.role.padEnd(9)}${style.dim(after)}`);
    lines.push(`  ${" ".repeat(10)} ${style.dim(t.question)}`);
  }
  if (plan.rationale) lines.push("", style.dim(`Why: ${plan.rationale}`));
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  return `${lines.join("\n")}\n`;
}
