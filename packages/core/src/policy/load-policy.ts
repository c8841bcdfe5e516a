import { parseWith } from "../validation/parse-with.js";
import { readDataFile } from "../validation/read-data-file.js";
import { PolicySchema, type Policy } from "./policy-schema.js";

/**
 * Validates a parsed policy object (the common part; expert sections are
 * checked by the council that uses them).
 *
 * @example
 * const policy = parsePolicy(YAML.parse(text), "policy file my-policy.yaml");
 */
export function parsePolicy(value: unknown, source = "policy"): Policy {
  return parseWith(PolicySchema, value, { source });
}

/** Reads and validates a policy file (YAML or JSON). */
export function loadPolicyFile(path: string): Policy {
  return parsePolicy(readDataFile(path, "policy file"), `policy file ${path}`);
}
