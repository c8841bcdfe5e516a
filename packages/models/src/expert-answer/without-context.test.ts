import { createScriptedModelClient } from "@kyocho/testing";
import { describe, expect, it } from "vitest";
import { creditExpert, creditRequest, goodAnswer } from "../../../../test/helpers/credit-expert.js";
import { withoutContext } from "./without-context.js";

// A sub-question in the words of the knowledge base, so that retrieval finds passages to leave out.
const request = () => {
  const r = creditRequest();
  return { ...r, task: { ...r.task, question: "Is the DSCR below the minimum, and is the currency mismatch hedged?" } };
};

const passagesBlock = (text: string) => /<data name="passages">\n(.*)\n<\/data>/.exec(text)?.[1];

describe("withoutContext", () => {
  it("leaves the retrieved passages out of the prompt, and only them", async () => {
    const withContext = createScriptedModelClient({ replies: [JSON.stringify(goodAnswer)] });
    const bare = createScriptedModelClient({ replies: [JSON.stringify(goodAnswer)] });
    await creditExpert().run(request(), { model: withContext });
    const result = await creditExpert().run(request(), { model: withoutContext(bare) });

    const shown = withContext.calls[0]!.turns[1]!.content;
    const hidden = bare.calls[0]!.turns[1]!.content;
    expect(JSON.parse(passagesBlock(shown)!)).not.toEqual([]);
    expect(passagesBlock(hidden)).toBe("[]");
    // Everything else in the prompt is the same.
    expect(hidden.replace(/<data name="passages">\n.*\n<\/data>/, "")).toBe(shown.replace(/<data name="passages">\n.*\n<\/data>/, ""));
    // A section of the expert's own documents may still be cited by name.
    expect(result.modelUse?.outcome).toBe("accepted");
  });

  it("keeps the wrapped client's endpoint information", () => {
    const model = createScriptedModelClient({ model: "qwen3-credit", host: "10.0.0.5:8000", reasoning: true });
    expect(withoutContext(model).info).toMatchObject({ model: "qwen3-credit", host: "10.0.0.5:8000", reasoning: true, context: false });
    expect(model.info.context).toBeUndefined();
  });
});
