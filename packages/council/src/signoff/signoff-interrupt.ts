import type { Signoff } from "@kyocho/core/assessment";

/** What the `signoff` node shows whoever reads the interrupted thread: the assessment and what it still needs. */
export interface SignoffInterrupt {
  assessmentId: string;
  signoff: Signoff;
  /** Why the last request resumed with was refused (only when the graph was resumed directly, past `signOff`'s own check). */
  refused?: { code: string; message: string };
}
