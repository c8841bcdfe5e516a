import { UserInputError } from "@kyocho/core";

/**
 * A sign-off the rules refuse: nothing is recorded. `path` names the part of
 * the request at fault (`role`, `name`, `decision`, `reason`, `conditions`),
 * `code` says which rule refused it.
 */
export class SignoffRefusedError extends UserInputError {
  constructor(reason: string, options: { path: string; code: SignoffRefusal; assessmentId: string }) {
    super(reason, { path: options.path, source: `sign-off of ${options.assessmentId}`, code: options.code });
  }
}

export type SignoffRefusal =
  | "NO_SIGNOFF_NEEDED"
  | "SIGNOFF_FINAL"
  | "BAD_SIGNOFF"
  | "ROLE_NOT_AUTHORISED"
  | "REQUESTER_SIGNING"
  | "ALREADY_SIGNED"
  | "VETOED"
  | "REASON_REQUIRED"
  | "CONDITION_REQUIRED";
