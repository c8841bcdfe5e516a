import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stableStringify } from "./assessment-id.js";

describe("stableStringify", () => {
  it("does not depend on key order, and leaves undefined members out", () => {
    expect(stableStringify({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it("is JSON that parses back to the same value, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it("gives equal text for objects whose keys were written in another order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(value));
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});
