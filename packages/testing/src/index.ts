/**
 * @kyocho/testing — test doubles for kyocho: a local OpenAI-compatible
 * endpoint that answers from a script (a double of the protocol, not a
 * model), an in-process scripted model client, and an in-memory audit sink.
 */
export {
  startTestModelServer,
  DEFAULT_REPLY,
  FAULT_KINDS,
  type TestModelServer,
  type TestModelServerOptions,
  type ScriptedReply,
  type Reply,
  type RecordedRequest,
  type FaultKind,
  type FaultInjection,
} from "./test-model-server.js";
export { createScriptedModelClient, type ScriptedModelClient, type ScriptedModelClientOptions, type ScriptedCompletion } from "./scripted-model-client.js";
export { MemoryAuditSink } from "./memory-audit-sink.js";
export { expertAnswer, type ExpertAnswerFinding } from "./expert-answer.js";
