import { z } from "zod";

const nonEmpty = z.string().refine((s) => s.trim().length > 0, "must not be empty");

/** One message of a chat fine-tuning example. `weight` (0 or 1) marks whether an assistant turn is trained on. */
export const ChatFineTuningMessageSchema = z.strictObject({
  role: z.enum(["system", "user", "assistant"]),
  content: nonEmpty,
  name: z.string().min(1).optional(),
  weight: z.union([z.literal(0), z.literal(1)]).optional(),
});
export type ChatFineTuningMessage = z.infer<typeof ChatFineTuningMessageSchema>;

/**
 * One line of a chat-format fine-tuning file, as OpenAI's fine-tuning API
 * (and the open-source trainers that read the same format) expects it:
 * `{ "messages": [...] }` with roles system, user and assistant, no empty
 * content, a system message only first, at least one user message, and an
 * assistant message last (the answer trained on).
 *
 * @example
 * ChatFineTuningLineSchema.parse({ messages: [
 *   { role: "system", content: "You are the fx expert…" },
 *   { role: "user", content: "How much of the USD exposure is hedged?" },
 *   { role: "assistant", content: "{\"narrative\":\"…\",\"findings\":[],\"metrics\":{}}" },
 * ] });
 */
export const ChatFineTuningLineSchema = z
  .strictObject({ messages: z.array(ChatFineTuningMessageSchema).min(2, "needs at least a user and an assistant message") })
  .superRefine((line, ctx) => {
    const { messages } = line;
    messages.forEach((m, i) => {
      if (m.role === "system" && i !== 0) ctx.addIssue({ code: "custom", path: ["messages", i, "role"], message: "a system message may only come first" });
      if (m.weight !== undefined && m.role !== "assistant") {
        ctx.addIssue({ code: "custom", path: ["messages", i, "weight"], message: "only assistant messages carry a weight" });
      }
    });
    if (!messages.some((m) => m.role === "user")) ctx.addIssue({ code: "custom", path: ["messages"], message: "needs a user message" });
    if (messages.at(-1)?.role !== "assistant") {
      ctx.addIssue({ code: "custom", path: ["messages", messages.length - 1, "role"], message: "the last message must be the assistant's" });
    }
  });
export type ChatFineTuningLine = z.infer<typeof ChatFineTuningLineSchema>;
