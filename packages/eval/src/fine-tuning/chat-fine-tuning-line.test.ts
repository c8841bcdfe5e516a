import { describe, expect, it } from "vitest";
import { ChatFineTuningLineSchema } from "./chat-fine-tuning-line.js";

const ok = {
  messages: [
    { role: "system", content: "You are the fx expert." },
    { role: "user", content: "How much is hedged?" },
    { role: "assistant", content: "{}" },
  ],
};
const issue = (value: unknown) => {
  const r = ChatFineTuningLineSchema.safeParse(value);
  return r.success ? undefined : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;
};

describe("ChatFineTuningLineSchema (OpenAI chat fine-tuning format)", () => {
  it("accepts system, user, assistant; and user, assistant; and a weighted multi-turn chat", () => {
    expect(issue(ok)).toBeUndefined();
    expect(issue({ messages: ok.messages.slice(1) })).toBeUndefined();
    expect(
      issue({
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "b", weight: 0 },
          { role: "user", content: "c" },
          { role: "assistant", content: "d", weight: 1 },
        ],
      }),
    ).toBeUndefined();
  });

  it("refuses what the format refuses, naming where", () => {
    expect(issue({ messages: [...ok.messages, { role: "user", content: "and?" }] })).toBe("messages.3.role: the last message must be the assistant's");
    expect(issue({ messages: [ok.messages[0], ok.messages[1], { role: "assistant", content: "  " }] })).toBe("messages.2.content: must not be empty");
    expect(issue({ messages: [ok.messages[1], ok.messages[0], ok.messages[2]] })).toBe("messages.1.role: a system message may only come first");
    expect(issue({ messages: [ok.messages[0], { role: "tool", content: "x" }, ok.messages[2]] })).toMatch(/^messages\.1\.role: /);
    expect(issue({ messages: [ok.messages[0], ok.messages[2]] })).toBe("messages: needs a user message");
    expect(issue({ messages: [ok.messages[2]] })).toMatch(/^messages: needs at least/);
    expect(issue({ ...ok, id: "extra" })).toMatch(/^: Unrecognized key/);
    expect(issue({ messages: [ok.messages[0], { ...ok.messages[1], weight: 1 }, ok.messages[2]] })).toBe(
      "messages.1.weight: only assistant messages carry a weight",
    );
  });
});
