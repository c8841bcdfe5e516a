import { SEVERITIES } from "@kyocho/core/assessment";
import type { Severity } from "@kyocho/core";
import { escapeHtml } from "./html-escape.js";
import { FONT_STACK, SEVERITY_COLOURS } from "./report-palette.js";
import type { DomainView } from "./report-model.js";
import type { ReportLabels } from "./report-labels.js";

const LABEL_WIDTH = 190;
const CELL_WIDTH = 92;
const CELL_HEIGHT = 46;
const HEADER_HEIGHT = 34;
const GAP = 4;

/**
 * The risk heat map as inline SVG: a row per domain (most severe first), a
 * column per severity from info to critical, each cell the number of
 * findings, shaded in its severity's colour the more findings it holds.
 * The domain's rating is marked at the end of its row. No script, no
 * external reference; every label is escaped.
 *
 * @example
 * const svg = heatMapSvg(domainViews(assessment), labels);
 */
export function heatMapSvg(domains: readonly DomainView[], labels: ReportLabels): string {
  const columns = SEVERITIES;
  const ratingX = LABEL_WIDTH + columns.length * (CELL_WIDTH + GAP) + 10;
  const width = ratingX + 110;
  const rows = Math.max(domains.length, 1);
  const height = HEADER_HEIGHT + rows * (CELL_HEIGHT + GAP) + 4;
  const parts: string[] = [];
  const aria = domains
    .map(
      (d) =>
        `${labels.domains[d.domain] ?? d.domain}: ${
          columns
            .filter((s) => d.counts[s] > 0)
            .map((s) => `${d.counts[s]} ${labels.severities[s]}`)
            .join(", ") || "0"
        }`,
    )
    .join("; ");

  parts.push(
    `<svg class="heat-map" role="img" aria-labelledby="heat-map-title" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${escapeHtml(FONT_STACK)}">`,
    `<title id="heat-map-title">${escapeHtml(`${labels.heatMap}: ${aria}`)}</title>`,
  );
  columns.forEach((s, i) => {
    const x = LABEL_WIDTH + i * (CELL_WIDTH + GAP) + CELL_WIDTH / 2;
    parts.push(
      `<text x="${x}" y="20" text-anchor="middle" font-size="13" font-weight="600" fill="${SEVERITY_COLOURS[s]}">${escapeHtml(labels.severities[s])}</text>`,
    );
  });
  parts.push(`<text x="${ratingX}" y="20" font-size="12" fill="#5b6472">${escapeHtml(labels.ratingLabel)}</text>`);

  domains.forEach((d, row) => {
    const y = HEADER_HEIGHT + row * (CELL_HEIGHT + GAP);
    const name = labels.domains[d.domain] ?? d.domain;
    parts.push(`<g class="heat-row" data-domain="${escapeHtml(d.domain)}">`);
    parts.push(
      `<text x="${LABEL_WIDTH - 12}" y="${y + CELL_HEIGHT / 2 + 5}" text-anchor="end" font-size="14" font-weight="600" fill="#1f2733">${escapeHtml(name)}</text>`,
    );
    columns.forEach((s, i) => {
      const x = LABEL_WIDTH + i * (CELL_WIDTH + GAP);
      const n = d.counts[s];
      parts.push(cell(x, y, s, n));
    });
    const colour = SEVERITY_COLOURS[d.rating];
    parts.push(
      `<rect x="${ratingX}" y="${y + 11}" width="96" height="24" rx="12" fill="${colour}"/>`,
      `<text x="${ratingX + 48}" y="${y + 28}" text-anchor="middle" font-size="12.5" font-weight="700" fill="#ffffff">${escapeHtml(labels.severities[d.rating])}</text>`,
      `</g>`,
    );
  });
  if (domains.length === 0) {
    parts.push(`<text x="${LABEL_WIDTH}" y="${HEADER_HEIGHT + CELL_HEIGHT / 2}" font-size="13" fill="#5b6472">${escapeHtml(labels.findingsNone)}</text>`);
  }
  parts.push(`</svg>`);
  return parts.join("");
}

/** A cell: pale grey when empty, its severity's colour with more weight for more findings. */
function cell(x: number, y: number, severity: Severity, n: number): string {
  if (n === 0) {
    return (
      `<rect x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" rx="6" fill="#f1f3f6" stroke="#e2e6ec"/>` +
      `<text x="${x + CELL_WIDTH / 2}" y="${y + CELL_HEIGHT / 2 + 5}" text-anchor="middle" font-size="14" fill="#b3bac5">·</text>`
    );
  }
  const opacity = Math.min(0.62 + 0.19 * (n - 1), 1);
  const text = opacity >= 0.8 ? "#ffffff" : "#1f2733";
  return (
    `<rect class="heat-cell" data-severity="${severity}" data-count="${n}" x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" rx="6" fill="${SEVERITY_COLOURS[severity]}" fill-opacity="${opacity.toFixed(2)}" stroke="${SEVERITY_COLOURS[severity]}"/>` +
    `<text x="${x + CELL_WIDTH / 2}" y="${y + CELL_HEIGHT / 2 + 7}" text-anchor="middle" font-size="20" font-weight="700" fill="${text}">${n}</text>`
  );
}
