import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stableStringify } from "@kyocho/core";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("writes exactly core's stableStringify text, for any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(value)).toBe(stableStringify(value));
    }));
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined })), (value) => {
      expect(canonicalJson(value)).toBe(stableStringify(value));
    }));
  });

  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});
