import { describe, expect, it } from "vitest";
import { ModelAnswerSchema } from "../expert-answer/model-answer.js";
import { parseStructured } from "./structured-answer.js";

const answer = { narrative: "n", findings: [{ severity: "medium", title: "t", message: "m", citations: [] }], confidence: 0.7 };

describe("parseStructured", () => {
  it("reads JSON in a fence after leading prose and a <think> block", () => {
    const text = `<think>hmm</think>Sure, here is the answer:\n\`\`\`json\n${JSON.stringify(answer)}\n\`\`\``;
    expect(parseStructured(text, ModelAnswerSchema)).toEqual({ ok: true, value: answer });
  });

  it("tolerates what local models commonly get slightly wrong", () => {
    const sloppy = { narrative: "n", findings: [{ severity: "High", title: "t", message: "m" }], confidence: "80", extra: true };
    expect(parseStructured(JSON.stringify(sloppy), ModelAnswerSchema)).toEqual({
      ok: true,
      value: { narrative: "n", findings: [{ severity: "high", title: "t", message: "m", citations: [] }], confidence: 0.8 },
    });
  });

  it("names what to fix: no JSON, broken JSON, or the paths that break the schema", () => {
    expect(parseStructured("I would rather not.", ModelAnswerSchema)).toEqual({ ok: false, error: "the reply holds no JSON object" });
    expect(parseStructured('{"narrative": "n",}', ModelAnswerSchema)).toMatchObject({ ok: false, error: expect.stringMatching(/^the JSON does not parse \(/) });
    expect(parseStructured(JSON.stringify({ ...answer, findings: [{ severity: "severe", title: "", message: "m" }] }), ModelAnswerSchema)).toEqual({
      ok: false,
      error:
        'findings[0].severity: Invalid option: expected one of "info"|"low"|"medium"|"high"|"critical"; findings[0].title: Too small: expected string to have >=1 characters',
    });
  });
});
