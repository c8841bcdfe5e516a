import { randomBytes, timingSafeEqual } from "node:crypto";
import { sha256 } from "@kyocho/core/audit";

/** The hex SHA-256 of a token: what the tokens file keeps instead of the token. */
export function tokenSha256(token: string): string {
  return sha256(token);
}

/** A fresh random bearer token (256 bits, base64url). */
export function newToken(): string {
  return `kyo_${randomBytes(32).toString("base64url")}`;
}

/**
 * Whether two hex hashes are equal, in time independent of where they differ: the hash of a guessed
 * token must not reveal, by how fast it is refused, how many of its first characters were right.
 */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
