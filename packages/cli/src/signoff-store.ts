import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { UserInputError, type Assessment } from "@kyocho/core";
import type { Signoff } from "@kyocho/core/assessment";
import type { AssessmentStore } from "@kyocho/store";

/**
 * What `kyocho signoff` needs from the assessment store: the checkpointer
 * that holds the assessments' threads (thread id = assessment id), a place
 * that admits each required signature exactly once (the record's sign-offs,
 * under the record's lock), and the record to update once the thread has
 * the signature. `@kyocho/store` implements it for SQLite and PostgreSQL;
 * tests use a `MemorySaver`.
 */
export interface SignoffStore {
  readonly checkpointer: BaseCheckpointSaver;
  /**
   * Takes the signature `after` adds to `before` (the assessment as checkpointed), before the thread is resumed.
   * Throws a `UserInputError` (exit 2, "already signed") when another signer took it first: nothing is written then.
   * A refused sign-off never reaches it.
   */
  reserveSignoff(before: Assessment, after: Signoff): Promise<void>;
  /** Called with the assessment once the thread holds the reserved signature. */
  recordSignoff(assessment: Assessment): Promise<void>;
  close(): Promise<void>;
}

export type OpenSignoffStore = () => Promise<SignoffStore>;

/** The one-line refusal of the signer who lost a race (or signed the same thing twice at once). */
export function alreadySigned(assessmentId: string): UserInputError {
  return new UserInputError(`${assessmentId} already signed: someone else's signature landed first; look again with kyocho show`, {
    source: "signoff",
    code: "ALREADY_SIGNED",
  });
}

/**
 * The configured assessment store (`.kyocho/kyocho.db`, `KYOCHO_STORE=FILE`, or PostgreSQL at
 * `KYOCHO_DATABASE_URL`) as the sign-off's: its checkpointer holds the council threads `kyocho ask`
 * left waiting.
 *
 * Why reserve first, then resume (and not hold a lock across the resume): LangGraph checkpoints are not
 * compare-and-set, so of two signers who read the thread at the same moment both would resume it, and the
 * thread would end with whichever wrote last. The record already is compare-and-set: `addSignoff` runs in
 * one transaction under the record's row lock (PostgreSQL `UPDATE`, SQLite `BEGIN IMMEDIATE`) and admits a
 * sign-off only if exactly `signoffsBefore` were there — here the signatures already in the checkpointed
 * assessment. So the signature is reserved there first, with the status `applySignoff` computed, and only
 * the signer who got it resumes the thread; the loser is told "already signed" and writes nothing anywhere.
 * Holding a lock across the resume instead would need a session-level lock on a connection the checkpointer
 * does not use (PostgreSQL) and an open write transaction on the connection it does use (SQLite), and a
 * resume that hangs would hold every other signer of every assessment behind it.
 * The cost: a process that dies between the reservation and the resume leaves the record one signature ahead
 * of the thread (the signer is then told "already signed"); nothing repairs that thread yet.
 */
export const openConfiguredSignoffStore: OpenSignoffStore = async () => {
  const { openConfiguredStore, storeSetting } = await import("./store-context.js");
  const store = await openConfiguredStore(storeSetting({}), "signoff");
  return signoffStoreOf(store, () => store.close());
};

/**
 * An open assessment store as the sign-off's (see {@link openConfiguredSignoffStore} for why the signature is
 * reserved before the thread resumes). `close` is what closing the sign-off store does: `kyocho signoff` closes
 * the store it opened; `kyocho serve` keeps its one store open across sign-offs.
 */
export async function signoffStoreOf(store: AssessmentStore, close: () => Promise<void>): Promise<SignoffStore> {
  const { AlreadySignedError, StatusConflictError } = await import("@kyocho/store");
  return {
    checkpointer: await store.checkpointer(),
    reserveSignoff: async (before, after) => {
      const latest = after.signatures.at(-1);
      if (!latest) return;
      try {
        await store.addSignoff(
          {
            assessmentId: before.id,
            signer: latest.name,
            role: latest.role,
            decision: latest.decision,
            conditions: latest.conditions,
            reason: latest.reason,
            signedAt: latest.at,
          },
          { from: ["awaiting_signoff"], to: after.status, signoffsBefore: before.signoff?.signatures.length ?? 0 },
        );
      } catch (error) {
        if (error instanceof AlreadySignedError || error instanceof StatusConflictError) throw alreadySigned(before.id);
        throw error;
      }
    },
    recordSignoff: async (assessment) => {
      const record = await store.get(assessment.id);
      if (record && assessment.signoff) await store.save({ ...record, status: assessment.signoff.status, assessment });
    },
    close,
  };
}
