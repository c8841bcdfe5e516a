/** A finding as a model writes it in a kyocho expert answer. */
export interface ExpertAnswerFinding {
  ruleId?: string;
  severity: "info" | "low" | "medium" | "high" | "critical";
  title: string;
  message: string;
  citations?: Array<{ document: string; section: string }>;
}

/**
 * A kyocho expert answer object, with defaults, for scripting the test
 * endpoint or the in-process fake.
 *
 * @example
 * server.script("fx", { json: expertAnswer({ findings: [{ severity: "medium", title: "Unhedged", message: "…" }] }) });
 */
export function expertAnswer(answer: { narrative?: string; findings?: ExpertAnswerFinding[]; confidence?: number } = {}) {
  return {
    narrative: answer.narrative ?? "No further observations.",
    findings: (answer.findings ?? []).map((f) => ({ ...f, citations: f.citations ?? [] })),
    confidence: answer.confidence ?? 0.8,
  };
}
