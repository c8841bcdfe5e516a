import type { RoutingEvaluation } from "@kyocho/eval";
import type { Style } from "./style.js";

const figure = (n: number) => n.toFixed(3);

/**
 * A routing evaluation for a terminal: the overall precision and recall with
 * their pair counts, the same per expert, then every line the router got
 * wrong with the experts it missed and the ones it added.
 */
export function formatRoutingEvaluation(file: string, evaluation: RoutingEvaluation, style: Style): string {
  const e = evaluation;
  const routed = e.truePositives + e.falsePositives;
  const expected = e.truePositives + e.falseNegatives;
  const lines = [
    style.bold(`Routing: ${file} (${e.lines} lines, ${e.planners.join(" + ")} planner)`),
    `  precision ${figure(e.precision)}  (${e.truePositives}/${routed} routed experts were expected)`,
    `  recall    ${figure(e.recall)}  (${e.truePositives}/${expected} expected experts were routed)`,
    "",
    style.dim("  expert     precision  recall   missed  extra"),
  ];
  for (const [expert, s] of Object.entries(e.byExpert)) {
    lines.push(
      `  ${expert.padEnd(10)} ${figure(s.precision).padEnd(10)} ${figure(s.recall).padEnd(8)} ${String(s.falseNegatives).padEnd(7)} ${s.falsePositives}`,
    );
  }
  lines.push("");
  if (e.misses.length === 0) {
    lines.push("No misses.");
  } else {
    lines.push(style.bold(`Misses (${e.misses.length} line${e.misses.length === 1 ? "" : "s"})`));
    for (const m of e.misses) {
      const what = [m.missed.length > 0 ? `missed: ${m.missed.join(", ")}` : "", m.extra.length > 0 ? `extra: ${m.extra.join(", ")}` : ""]
        .filter(Boolean)
        .join("  ");
      lines.push(`  ${m.id.padEnd(10)} ${what}`);
      lines.push(style.dim(`  ${" ".repeat(10)} ${m.question ? JSON.stringify(m.question) : "(case only)"}`));
    }
  }
  return `${lines.join("\n")}\n`;
}
