import { describe, expect, it } from "vitest";
import { stripThink } from "./strip-think.js";

describe("stripThink", () => {
  it("removes a <think> block and keeps the answer", () => {
    expect(stripThink('<think>\nDSCR first, then…\n</think>\n\n{"a":1}')).toEqual({ text: '{"a":1}', removedChars: 36 });
  });
  it("removes several blocks, in any case", () => {
    expect(stripThink("<THINK>x</THINK>A<think>y</think>B").text).toBe("AB");
  });
  it("drops text before a lone </think> (the template opened the block in the prompt)", () => {
    expect(stripThink("reasoning without an opening tag</think>\n{}").text).toBe("{}");
  });
  it("drops an unterminated <think> to the end (cut off while thinking)", () => {
    expect(stripThink('{"a":1}\n<think>and then').text).toBe('{"a":1}');
  });
  it("leaves an answer without reasoning alone", () => {
    expect(stripThink('  {"a":1} ')).toEqual({ text: '{"a":1}', removedChars: 0 });
  });
});
