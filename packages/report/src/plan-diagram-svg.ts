import type { Assessment } from "@kyocho/core";
import { escapeHtml } from "./html-escape.js";
import { DECISION_COLOURS, FONT_STACK, SEVERITY_COLOURS } from "./report-palette.js";
import type { ReportLabels } from "./report-labels.js";

const NODE_WIDTH = 200;
const NODE_HEIGHT = 58;
const COLUMN_GAP = 64;
const ROW_GAP = 18;
const PAD = 12;

const STATUS_COLOURS = { ok: "#2f7d4f", failed: "#c53030", skipped: "#8a94a3" } as const;

/**
 * The plan as a small dependency diagram (inline SVG): a box per sub-task,
 * in columns by the length of the chain it waits for (those with no
 * dependency first, since they run at once), an arrow from each dependency to the
 * sub-task that runs after it, and every last sub-task leading to the merge,
 * which carries the decision. A box shows the expert, its role and status,
 * and is edged in its domain's rating colour.
 *
 * @example
 * const svg = planDiagramSvg(assessment, labels);
 */
export function planDiagramSvg(a: Assessment, labels: ReportLabels): string {
  const tasks = a.plan.tasks;
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string> = new Set()): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // plans are validated acyclic; this only guards against a hand-edited file
    seen.add(id);
    const task = tasks.find((t) => t.id === id);
    const d = task && task.dependsOn.length > 0 ? 1 + Math.max(...task.dependsOn.map((dep) => depthOf(dep, seen))) : 0;
    depth.set(id, d);
    return d;
  };
  for (const t of tasks) depthOf(t.id);
  // Columns by depth; rows so that a sub-task sits on its first dependency's row when it is free, which keeps
  // every arrow short and lets a last sub-task run straight along its row to the merge.
  const columns: string[][] = [];
  for (const t of tasks) (columns[depth.get(t.id)!] ??= []).push(t.id);
  const rowOf = new Map<string, number>();
  columns.forEach((ids) => {
    const taken = new Set<number>();
    for (const id of ids) {
      const first = tasks.find((t) => t.id === id)?.dependsOn[0];
      let row = first !== undefined ? (rowOf.get(first) ?? 0) : 0;
      while (taken.has(row)) row++;
      taken.add(row);
      rowOf.set(id, row);
    }
  });
  const rows = Math.max(1, ...[...rowOf.values()].map((r) => r + 1));
  const height = PAD * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
  const mergeX = PAD + columns.length * (NODE_WIDTH + COLUMN_GAP);
  const width = mergeX + NODE_WIDTH + PAD;

  const position = new Map<string, { x: number; y: number }>();
  for (const [id, row] of rowOf) position.set(id, { x: PAD + depth.get(id)! * (NODE_WIDTH + COLUMN_GAP), y: PAD + row * (NODE_HEIGHT + ROW_GAP) });
  const merge = { x: mergeX, y: (height - NODE_HEIGHT) / 2 };

  const parts: string[] = [
    `<svg class="plan-diagram" role="img" aria-labelledby="plan-title" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${escapeHtml(FONT_STACK)}">`,
    `<title id="plan-title">${escapeHtml(`${labels.plan}: ${tasks.map((t) => (t.dependsOn.length ? `${t.id} ← ${t.dependsOn.join(", ")}` : t.id)).join("; ")}`)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7685"/></marker></defs>`,
  ];
  const edge = (from: { x: number; y: number }, to: { x: number; y: number }, dashed: boolean) => {
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x - 2;
    const y2 = to.y + NODE_HEIGHT / 2;
    // Along the row first, then a curve into the target: a long edge never crosses a box in its way.
    const bend = Math.max(x1, x2 - COLUMN_GAP);
    const mid = (bend + x2) / 2;
    parts.push(
      `<path class="plan-edge" d="M${x1},${y1} H${bend} C${mid},${y1} ${mid},${y2} ${x2},${y2}" fill="none" stroke="#6b7685" stroke-width="1.6"${dashed ? ' stroke-dasharray="5 4"' : ""} marker-end="url(#arrow)"/>`,
    );
  };
  const hasDependents = new Set(tasks.flatMap((t) => t.dependsOn));
  for (const t of tasks) {
    for (const dep of t.dependsOn) {
      const from = position.get(dep);
      const to = position.get(t.id);
      if (from && to) edge(from, to, false);
    }
    if (!hasDependents.has(t.id)) edge(position.get(t.id)!, merge, true);
  }

  for (const t of tasks) {
    const p = position.get(t.id)!;
    const e = a.experts.find((x) => x.taskId === t.id);
    const status = e?.status ?? "skipped";
    const rating = a.domains.find((d) => d.domain === (e?.domain ?? t.expert))?.rating;
    const edgeColour = rating ? SEVERITY_COLOURS[rating] : "#8a94a3";
    const title = labels.domains[t.expert] ?? t.expert;
    parts.push(
      `<g class="plan-node" data-task="${escapeHtml(t.id)}" data-status="${status}">`,
      `<rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="#ffffff" stroke="${edgeColour}" stroke-width="2"/>`,
      `<rect x="${p.x}" y="${p.y}" width="6" height="${NODE_HEIGHT}" rx="3" fill="${edgeColour}"/>`,
      `<text x="${p.x + 16}" y="${p.y + 24}" font-size="14" font-weight="700" fill="#1f2733">${escapeHtml(clip(title, 22))}</text>`,
      `<circle cx="${p.x + 21}" cy="${p.y + 41}" r="4.5" fill="${STATUS_COLOURS[status]}"/>`,
      `<text x="${p.x + 31}" y="${p.y + 45}" font-size="11.5" fill="#4a5361">${escapeHtml(clip(`${labels.statuses[status]} · ${labels.roles[t.role]}${e?.latencyMs !== undefined ? ` · ${Math.round(e.latencyMs)} ms` : ""}`, 30))}</text>`,
      `</g>`,
    );
  }
  parts.push(
    `<g class="plan-merge">`,
    `<rect x="${merge.x}" y="${merge.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${DECISION_COLOURS[a.decision]}"/>`,
    `<text x="${merge.x + NODE_WIDTH / 2}" y="${merge.y + 23}" text-anchor="middle" font-size="12" fill="#ffffff" fill-opacity="0.85">${escapeHtml(labels.merge)}</text>`,
    `<text x="${merge.x + NODE_WIDTH / 2}" y="${merge.y + 43}" text-anchor="middle" font-size="14" font-weight="700" fill="#ffffff">${escapeHtml(clip(labels.decisions[a.decision], 22))}</text>`,
    `</g>`,
    `</svg>`,
  );
  return parts.join("");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
