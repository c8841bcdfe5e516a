import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

/** Where `npm run build` writes the JSON renditions of the shipped policies (beside the compiled code). */
const PREBUILT_DIR = new URL("./policies/", import.meta.url);

/** A shipped policy as parsed at build time, with the SHA-256 of the YAML it was parsed from. */
export interface PrebuiltPolicy {
  sourceSha256: string;
  policy: unknown;
}

/**
 * The parsed value of a shipped policy file from its JSON rendition, made
 * by `npm run build` (councils/reference/scripts/prebuild-policies.mjs), when that was
 * made from the file exactly as it is now; undefined otherwise (not built,
 * or the YAML edited since), and the caller parses the YAML. The YAML parser
 * starts slowly: parsing the reference policy was a tenth of a cold
 * `kyocho ask`, where JSON takes well under a millisecond.
 *
 * @example
 * const raw = readPrebuiltPolicy(REFERENCE_POLICY_PATH) ?? readDataFile(REFERENCE_POLICY_PATH, "policy file");
 */
export function readPrebuiltPolicy(yamlPath: string, prebuiltDir: URL = PREBUILT_DIR): unknown {
  let prebuilt: PrebuiltPolicy;
  try {
    prebuilt = JSON.parse(readFileSync(new URL(basename(yamlPath).replace(/\.ya?ml$/, ".json"), prebuiltDir), "utf8")) as PrebuiltPolicy;
  } catch {
    return undefined;
  }
  return prebuilt.sourceSha256 === sha256(readFileSync(yamlPath)) ? prebuilt.policy : undefined;
}

/** The SHA-256 a JSON rendition records of its YAML source. */
export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
