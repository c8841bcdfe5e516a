/**
 * Terminal styling that switches itself off when output is not a terminal,
 * or when NO_COLOR is set (https://no-color.org), so piped output stays plain.
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: string, text?: string): string;
  decision(decision: string, text?: string): string;
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], magenta: [35, 39], cyan: [36, 39] } as const;

export function createStyle(stream: { isTTY?: boolean }): Style {
  const enabled = Boolean(stream.isTTY) && !process.env.NO_COLOR;
  const paint = (name: keyof typeof codes, text: string) => (enabled ? `\x1b[${codes[name][0]}m${text}\x1b[${codes[name][1]}m` : text);
  const severityColour: Record<string, keyof typeof codes> = { critical: "magenta", high: "red", medium: "yellow", low: "green", info: "cyan" };
  const decisionColour: Record<string, keyof typeof codes> = { decline: "magenta", escalate: "red", approve_with_conditions: "yellow", approve: "green" };
  return {
    bold: (t) => paint("bold", t),
    dim: (t) => paint("dim", t),
    severity: (s, t = s) => paint(severityColour[s] ?? "bold", t),
    decision: (d, t = d) => paint(decisionColour[d] ?? "bold", t),
  };
}
