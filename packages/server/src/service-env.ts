import type { Identity } from "./tokens/identity.js";

/** What middleware leaves on the request context for the routes. */
export interface ServiceEnv {
  Variables: {
    identity: Identity;
    /** Set by a route whose work outlives a timed-out request: where to poll for it. */
    location: string | undefined;
  };
}
