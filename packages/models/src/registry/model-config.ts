import type { ResponseFormatMode } from "@kyocho/core/model";
import { z } from "zod";
import { UserInputError } from "@kyocho/core";
import { parseWith } from "@kyocho/core/validation";

/** How a structured answer is asked for: the server's JSON-schema response format, any-JSON mode, or the prompt alone. */
export const RESPONSE_FORMATS = ["json_schema", "json_object", "text"] as const satisfies readonly ResponseFormatMode[];
export type { ResponseFormatMode };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One OpenAI-compatible endpoint (vLLM, llama.cpp's server, Ollama, TGI).
 * Every field may be left out of an override, which then inherits it from
 * `models.default`.
 */
const endpointShape = {
  /** The API root, with `/v1`: `http://10.20.1.5:8000/v1`. */
  baseURL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1" })
    .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), "must not carry credentials (user:password@); name an environment variable with apiKeyEnv"),
  /** The served model name (`vllm serve … --served-model-name`); when absent, the first one `/v1/models` lists. */
  model: z.string().trim().min(1),
  /** The name of the environment variable that holds the API key, never the key itself. */
  apiKeyEnv: z.string().regex(ENV_NAME, "must be an environment variable name, e.g. VLLM_API_KEY"),
  /** Sampling temperature; default 0, so the same case gets the same answer as far as the server allows. */
  temperature: z.number().min(0).max(2),
  /** Upper bound on the answer's tokens; default: the server's. */
  maxTokens: z.number().int().positive(),
  /** Time limit of one HTTP request; default 30 000 ms, 300 000 ms with `reasoning: true`; at most an hour. A request that times out is not retried. */
  timeoutMs: z.number().int().positive().max(3_600_000),
  /** Retries of one request after a 5xx, a 429 or a refused connection; default 2. */
  maxRetries: z.number().int().min(0).max(10),
  /** First retry delay, doubled each retry up to 30 s (a 429's Retry-After wins); default 250 ms. */
  retryDelayMs: z.number().int().min(0).max(60_000),
  /** `false` (default): Qwen3-style non-thinking mode (`chat_template_kwargs.enable_thinking = false`). */
  reasoning: z.boolean(),
  /** How to ask for JSON; default `json_schema`, which falls back to `text` if the server refuses it. */
  responseFormat: z.enum(RESPONSE_FORMATS),
};

/** A complete endpoint: `baseURL` required, the rest optional. */
export const EndpointConfigSchema = z.strictObject(endpointShape).partial().required({ baseURL: true });
/** An override of `models.default` for one expert, the planner or the summary. */
export const EndpointOverrideSchema = z.strictObject(endpointShape).partial();

export type EndpointConfig = z.output<typeof EndpointConfigSchema>;
export type EndpointOverride = z.output<typeof EndpointOverrideSchema>;

/** A host name, `*.suffix` wildcard, IP address or CIDR range (`10.20.0.0/16`, `fd00::/8`). */
const AllowedHostSchema = z
  .string()
  .trim()
  .min(1)
  .regex(/^(\*\.)?[A-Za-z0-9.:_\-[\]]+(\/\d{1,3})?$/, "must be a host name, *.domain, IP address or CIDR range");

/**
 * `kyocho.config.json` / `kyocho.config.yaml`: which model each expert, the
 * planner and the executive summary use, which hosts count as inside the
 * bank, and where the audit trail goes. Everything is optional: an empty
 * file means "no models", i.e. the deterministic experts alone.
 *
 * @example
 * models:
 *   default: { baseURL: http://127.0.0.1:8000/v1, model: Qwen/Qwen3-32B, reasoning: false }
 *   experts:
 *     fx: { baseURL: http://10.20.1.7:8000/v1, model: qwen3-32b-fx }
 * allowedHosts: [vllm.bank.internal]
 * audit: { path: .kyocho/audit/audit-{date}.jsonl, includeText: false }
 * summary: { enabled: true }
 */
export const ModelConfigSchema = z.strictObject({
  models: z
    .strictObject({
      default: EndpointConfigSchema.optional(),
      experts: z.record(z.string(), EndpointOverrideSchema).default({}),
      planner: EndpointOverrideSchema.optional(),
      summary: EndpointOverrideSchema.optional(),
    })
    .default({ experts: {} }),
  /** Hosts accepted besides loopback and private address ranges. */
  allowedHosts: z.array(AllowedHostSchema).default([]),
  /** `true` lets endpoints outside the bank's network be used. Off by default; customer data then leaves the network. */
  allowExternal: z.boolean().default(false),
  audit: z
    .strictObject({
      /** The JSON Lines file; `{date}` becomes the UTC date. Relative paths are from the working directory. */
      path: z.string().trim().min(1).default(".kyocho/audit/audit-{date}.jsonl"),
      /** Also log prompts and responses in full (they hold case data); off by default: hashes only. */
      includeText: z.boolean().default(false),
      enabled: z.boolean().default(true),
    })
    .default({ path: ".kyocho/audit/audit-{date}.jsonl", includeText: false, enabled: true }),
  summary: z.strictObject({ enabled: z.boolean().default(false) }).default({ enabled: false }),
  /**
   * With a planner model: `speculative` (default) starts the experts the case
   * requires while the planner thinks; `sequential` plans first, then runs.
   */
  planning: z.enum(["speculative", "sequential"]).default("speculative"),
});

/** A validated model configuration; `source` names where it came from, for error messages. */
export type ModelConfig = z.output<typeof ModelConfigSchema> & { readonly source?: string };
export type ModelConfigInput = z.input<typeof ModelConfigSchema>;

/** Keys that would put a secret into the file; refused wherever they appear. */
const SECRET_KEYS = /^(api[_-]?key|apikey|token|secret|password|authorization|bearer)$/i;

/**
 * Validates a raw configuration object. A secret written into the file
 * (`apiKey`, `token`, …) is refused with its path before anything else, so
 * the message says what to do instead.
 *
 * @example
 * const config = parseModelConfig(readDataFile("kyocho.config.yaml", "config file"), { source: "config file kyocho.config.yaml" });
 */
export function parseModelConfig(raw: unknown, options: { source?: string } = {}): ModelConfig {
  const source = options.source ?? "model config";
  const secretPath = findSecretKey(raw, "");
  if (secretPath !== undefined) {
    throw new UserInputError("a secret must not be written in the config file; put it in an environment variable and name that variable with apiKeyEnv", {
      path: secretPath,
      source,
      code: "SECRET_IN_CONFIG",
    });
  }
  const parsed = parseWith(ModelConfigSchema, raw ?? {}, { source });
  return Object.assign(parsed, { source });
}

function findSecretKey(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findSecretKey(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (SECRET_KEYS.test(key)) return here;
    const found = findSecretKey(item, here);
    if (found !== undefined) return found;
  }
  return undefined;
}
