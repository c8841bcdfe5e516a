import { UserInputError } from "@kyocho/core";

/** A commander option parser for a positive integer; a bad value is a one-line input error naming the option. */
export function positiveInteger(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
      throw new UserInputError(`"${value}" is not a positive integer`, { source: option });
    }
    return n;
  };
}

/** `--planning speculative|sequential`; anything else is a one-line input error. */
export function planningMode(value: string): "speculative" | "sequential" {
  if (value === "speculative" || value === "sequential") return value;
  throw new UserInputError(`"${value}" is not a planning mode: use speculative or sequential`, { source: "--planning" });
}
