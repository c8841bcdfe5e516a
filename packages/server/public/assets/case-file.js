import { parse } from "./vendor/yaml.js";

/**
 * Reads a dropped or chosen case file in the browser: JSON when it looks like JSON, else YAML (the vendored `yaml`
 * parser; YAML 1.2 is a superset of JSON, so a `.json` file parses either way). The service validates the case;
 * here it must only become an object.
 */
export async function readCaseFile(file) {
  const text = await file.text();
  const trimmed = text.trimStart();
  const value = trimmed.startsWith("{") ? JSON.parse(text) : parse(text);
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${file.name} does not hold a case (an object)`);
  return value;
}
