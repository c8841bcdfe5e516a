/** @kyocho/core/model — the model client contract every model implementation fulfils. */
export {
  type ResponseFormatMode,
  type ModelClient,
  type ChatTurn,
  type ModelCallContext,
  type ModelCompletion,
  type ModelEndpointInfo,
  type CompleteOptions,
} from "./model-client.js";
