import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { UserInputError, type Assessment } from "@kyocho/core";

/**
 * What `kyocho signoff` needs from the assessment store: the checkpointer
 * that holds the assessments' threads (thread id = assessment id), and a
 * place to record a signature once it is checkpointed (the record table's
 * status and sign-offs). `@kyocho/store` implements it for SQLite and
 * PostgreSQL; tests use a `MemorySaver`.
 */
export interface SignoffStore {
  readonly checkpointer: BaseCheckpointSaver;
  /** Called only after the signature is in the checkpoint; a refused sign-off never reaches it. */
  recordSignoff(assessment: Assessment): Promise<void>;
  close(): Promise<void>;
}

export type OpenSignoffStore = () => Promise<SignoffStore>;

/**
 * The configured assessment store (`.kyocho/kyocho.db`, `KYOCHO_STORE=FILE`, or PostgreSQL at
 * `KYOCHO_DATABASE_URL`) as the sign-off's: its checkpointer holds the council threads `kyocho ask`
 * left waiting, and each accepted signature is added to the record in one transaction under the
 * record's lock, with the status the assessment now has. Of two people supplying the same signature
 * at the same moment, the record takes exactly one (`signoffsBefore`); the other is told it was
 * already signed.
 */
export const openConfiguredSignoffStore: OpenSignoffStore = async () => {
  const { openConfiguredStore, storeSetting } = await import("./store-context.js");
  const { AlreadySignedError, StatusConflictError } = await import("@kyocho/store");
  const store = await openConfiguredStore(storeSetting({}), "signoff");
  return {
    checkpointer: await store.checkpointer(),
    recordSignoff: async (assessment) => {
      const signoff = assessment.signoff;
      const latest = signoff?.signatures.at(-1);
      if (!signoff || !latest) return;
      try {
        await store.addSignoff(
          {
            assessmentId: assessment.id,
            signer: latest.name,
            role: latest.role,
            decision: latest.decision,
            conditions: latest.conditions,
            reason: latest.reason,
            signedAt: latest.at,
          },
          { from: ["awaiting_signoff"], to: signoff.status, signoffsBefore: signoff.signatures.length - 1 },
        );
      } catch (error) {
        if (error instanceof AlreadySignedError || error instanceof StatusConflictError)
          throw new UserInputError(`${assessment.id} was signed by someone else at the same moment; look again with kyocho show`, {
            source: "signoff",
            code: "ALREADY_SIGNED",
          });
        throw error;
      }
      const record = await store.get(assessment.id);
      if (record) await store.save({ ...record, status: signoff.status, assessment });
    },
    close: () => store.close(),
  };
};
