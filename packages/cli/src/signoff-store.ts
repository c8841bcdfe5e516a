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

/** Until a store is configured, there is no thread to sign: said as an input error, before anything is read. */
export const openNoStore: OpenSignoffStore = () =>
  Promise.reject(
    new UserInputError("needs the assessment store, where `kyocho ask` keeps assessments awaiting sign-off; this installation has none configured", {
      source: "signoff",
      code: "NO_STORE",
    }),
  );
