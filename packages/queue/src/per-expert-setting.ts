import { UserInputError } from "@kyocho/core";

/**
 * Parses a setting given either for every expert (`4`) or per expert
 * (`lending=2,fx=8`, optionally with a default: `2,fx=8`), as the worker's
 * `--concurrency` and `--rate` take it. Names must be among `experts`;
 * values must be positive numbers (integers when `integer`).
 *
 * @example
 * perExpertSetting("4", ["lending", "fx"], { source: "--concurrency", integer: true })         // { lending: 4, fx: 4 }
 * perExpertSetting("2,fx=8", ["lending", "fx"], { source: "--concurrency", integer: true })    // { lending: 2, fx: 8 }
 * perExpertSetting("fx=0.5", ["lending", "fx"], { source: "--rate" })                           // { fx: 0.5 }
 */
export function perExpertSetting(text: string, experts: readonly string[], options: { source: string; integer?: boolean }): Record<string, number> {
  const result: Record<string, number> = {};
  let all: number | undefined;
  const parseValue = (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || (options.integer && !Number.isInteger(n))) {
      throw new UserInputError(`"${value}" is not a ${options.integer ? "positive integer" : "positive number"}`, { source: options.source });
    }
    return n;
  };
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq === -1) {
      if (all !== undefined) throw new UserInputError(`two values for every expert in "${text}"`, { source: options.source });
      all = parseValue(part);
      continue;
    }
    const name = part.slice(0, eq).trim();
    if (!experts.includes(name)) {
      throw new UserInputError(`unknown expert "${name}" (this worker runs ${experts.join(", ")})`, { source: options.source });
    }
    result[name] = parseValue(part.slice(eq + 1));
  }
  if (all !== undefined) for (const name of experts) result[name] ??= all;
  return result;
}
