import { describe, expect, it } from "vitest";
import { extractJson } from "./extract-json.js";

describe("extractJson", () => {
  it("takes a bare JSON object as it is", () => {
    expect(extractJson(' {"a": 1} ')).toBe('{"a": 1}');
  });
  it("takes the content of a ```json fence", () => {
    expect(extractJson('Here you go:\n```json\n{"a": [1, 2]}\n```\nAnything else?')).toBe('{"a": [1, 2]}');
  });
  it("takes an unlabelled fence", () => {
    expect(extractJson('```\n{"a": 1}\n```')).toBe('{"a": 1}');
  });
  it("finds the first balanced object after leading prose, braces inside strings included", () => {
    expect(extractJson('Sure! The answer is {"msg": "a } in text", "n": {"m": 2}} — hope that helps.')).toBe('{"msg": "a } in text", "n": {"m": 2}}');
  });
  it("returns the unbalanced rest when the object never closes (the parser then names the error)", () => {
    expect(extractJson('Answer: {"a": 1, "b": ')).toBe('{"a": 1, "b":');
  });
  it("returns undefined when there is no JSON at all", () => {
    expect(extractJson("I cannot answer that.")).toBeUndefined();
    expect(extractJson("")).toBeUndefined();
  });
});
