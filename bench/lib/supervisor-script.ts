import type { RecordedRequest, ScriptedReply, TestModelServer } from "@kyocho/testing";
import { agentCaller, agentName, expertToolName, supervisorCaller } from "./supervisor-team.js";

interface WireMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: Array<{ function?: { name?: string } }>;
}

/**
 * Scripts the test endpoint to play the supervisor team's models as a
 * well-behaved model would: the supervisor hands off to each expert's agent
 * in turn (`order`), one hand-off per call (`parallel_tool_calls: false`, as
 * `createSupervisor` sets for `ChatOpenAI`), and finishes after the last;
 * each agent calls its expert tool once, then reports. Four experts: 5
 * supervisor calls + 2 per agent = 13 model calls, in sequence.
 *
 * @example
 * scriptSupervisorTeam(server, ["fx", "legal", "markets", "lending"]);
 */
export function scriptSupervisorTeam(server: TestModelServer, order: readonly string[]): void {
  let sequence = 0;
  const id = (who: string) => `call_${who}_${++sequence}`;
  server.respond(supervisorCaller, (request) => {
    const called = new Set(messagesOf(request).flatMap((m) => (m.role === "assistant" ? (m.tool_calls ?? []).map((c) => c.function?.name) : [])));
    const next = order.find((expert) => !called.has(`transfer_to_${agentName(expert)}`));
    if (next) return toolCall(`transfer_to_${agentName(next)}`, {}, id("supervisor"));
    return { content: `All ${order.length} experts have reported; their findings are above.` };
  });
  for (const expert of order) {
    server.respond(agentCaller(expert), (request) => {
      const last = messagesOf(request).at(-1);
      if (last?.role === "tool" && String(last.tool_call_id ?? "").startsWith(`call_${expert}_`)) {
        return { content: `The ${expert} expert has run; its findings are in the tool result.` };
      }
      return toolCall(expertToolName(expert), { question: `What does the ${expert} expert find in this case?` }, id(expert));
    });
  }
}

function messagesOf(request: RecordedRequest): WireMessage[] {
  return Array.isArray(request.body?.messages) ? (request.body.messages as WireMessage[]) : [];
}

/** An OpenAI chat completion whose answer is one tool call (the test endpoint has no field for it, so the body is sent whole). */
function toolCall(name: string, args: Record<string, unknown>, callId: string): ScriptedReply {
  return {
    rawBody: JSON.stringify({
      id: `chatcmpl-${callId}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: "kyocho-bench-model",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: null, tool_calls: [{ id: callId, type: "function", function: { name, arguments: JSON.stringify(args) } }] },
          finish_reason: "tool_calls",
        },
      ],
      usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
    }),
  };
}
