import { z } from "zod";
import { readDataFile, parseWith } from "@kyocho/core/validation";
import type { Identity } from "./identity.js";
import { ROLE_PATTERN } from "./identity.js";
import { sameHash, tokenSha256 } from "./token-hash.js";

/** One entry of the tokens file: never the token, only its SHA-256. */
export const TokenEntrySchema = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  roles: z.array(z.string().regex(ROLE_PATTERN, "must be analyst, admin, monitor or approver:<sign-off role>")).min(1),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be the hex SHA-256 of the token (kyocho tokens new prints it)")
    .describe("hex SHA-256 of the token"),
});
export type TokenEntry = z.output<typeof TokenEntrySchema>;

export const TokensFileSchema = z.strictObject({ tokens: z.array(TokenEntrySchema) });

/** The tokens the service accepts. */
export interface TokenRegistry {
  /** The identity of a bearer token, or undefined when no entry has its hash. */
  identify(token: string): Identity | undefined;
  readonly size: number;
}

/** A registry over entries (as read from a tokens file). */
export function tokenRegistry(entries: readonly TokenEntry[]): TokenRegistry {
  return {
    size: entries.length,
    identify(token) {
      const hash = tokenSha256(token);
      // Every entry is compared (no early exit), each in constant time.
      let found: TokenEntry | undefined;
      for (const entry of entries) if (sameHash(entry.sha256, hash) && !found) found = entry;
      return found ? { subject: found.subject, roles: found.roles, authenticated: true } : undefined;
    },
  };
}

/** Reads and validates a tokens file (YAML or JSON): `tokens: [{ subject, roles, sha256 }]`; a bad entry is a `UserInputError` naming its path. */
export function readTokensFile(path: string): TokenRegistry {
  const raw = readDataFile(path, "tokens file", { maxBytes: 1024 * 1024 });
  return tokenRegistry(parseWith(TokensFileSchema, raw, { source: `tokens file ${path}` }).tokens);
}
