import { Command } from "@langchain/langgraph";
import { InternalError, UserInputError, type Assessment } from "@kyocho/core";
import type { Signoff, SignoffRequestInput } from "@kyocho/core/assessment";
import type { CouncilGraph } from "../council-graph.js";
import { applySignoff } from "./apply-signoff.js";
import type { SignoffInterrupt } from "./signoff-interrupt.js";

/**
 * Signs an assessment waiting in a checkpointed council graph (thread id =
 * assessment id). The rules are checked against the checkpointed assessment
 * first, so a refused request never reaches the graph and nothing is
 * written; an accepted one resumes the `signoff` node, which applies the
 * same rules and records the signature. Returns the assessment after it.
 *
 * LangGraph checkpoints are not compare-and-set: two signers who both read
 * the thread before either resumes would both write it. `options.reserve`
 * closes that gap: it is called between the check and the resume with the
 * assessment as checkpointed and the sign-off the request makes of it, and
 * must take the signature somewhere that admits exactly one (the store's
 * record, under its lock) or throw; when it throws, the graph is not resumed
 * and nothing is written to the thread.
 *
 * @example
 * const after = await signOff(graph, "a-3f9c…", { name: "sato", role: "credit_department", decision: "approve", reason: "…", at: new Date().toISOString() });
 */
export async function signOff(graph: CouncilGraph, assessmentId: string, request: SignoffRequestInput, options: SignOffOptions = {}): Promise<Assessment> {
  const config = { configurable: { thread_id: assessmentId }, recursionLimit: 10_000 };
  const snapshot = await graph.getState(config);
  const assessment = (snapshot.values as { assessment?: Assessment } | undefined)?.assessment;
  if (!assessment) throw new UserInputError(`${assessmentId} is not in the store`, { source: "signoff", path: "id", code: "UNKNOWN_ASSESSMENT" });
  const next = applySignoff(assessment, request);
  // `next` would not do: a resume refused inside the node leaves the task listed with its error, and no `next`.
  if (!snapshot.tasks.some((task) => task.name === "signoff" && task.interrupts.length > 0)) {
    throw new InternalError(`assessment ${assessmentId} awaits sign-off but its thread is not stopped at the signoff node`);
  }
  if (options.reserve) await options.reserve(assessment, next);
  const final = (await graph.invoke(new Command({ resume: request }), config)) as { assessment?: Assessment; __interrupt__?: Array<{ value?: unknown }> };
  // The thread moved between the check and the resume (another signer): the node refused and waits again.
  const refused = (final.__interrupt__?.[0]?.value as SignoffInterrupt | undefined)?.refused;
  if (refused !== undefined) throw new UserInputError(refused.message, { code: refused.code });
  if (!final.assessment) throw new InternalError(`assessment ${assessmentId} lost its state on sign-off`);
  return final.assessment;
}

export interface SignOffOptions {
  /**
   * Takes the signature before the thread is resumed: given the assessment as checkpointed and the sign-off
   * `applySignoff` makes of it with this request (a refused request never gets here). Throw to stop the resume.
   */
  reserve?: ((before: Assessment, after: Signoff) => Promise<void>) | undefined;
}
