import type { Decision, Severity } from "@kyocho/core";

/** Severity colours, muted enough to print: the same hue in the heat map, the chips and the diagram. */
export const SEVERITY_COLOURS: Record<Severity, string> = {
  info: "#5b6b7f",
  low: "#2f7d4f",
  medium: "#b7791f",
  high: "#c53030",
  critical: "#7b1d3a",
};

/** Decision colours, for the verdict band. */
export const DECISION_COLOURS: Record<Decision, string> = {
  approve: "#2f7d4f",
  approve_with_conditions: "#b7791f",
  escalate: "#c53030",
  decline: "#7b1d3a",
};

/** The font stack of every report: system fonts only (no fetch), with Japanese faces for Japanese cases. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, "IPAPGothic", "IPAGothic", "Liberation Sans", "DejaVu Sans", sans-serif';
