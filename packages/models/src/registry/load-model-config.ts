import { UserInputError } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { parseModelConfig, type ModelConfig } from "./model-config.js";

/** The environment variables that configure the default endpoint without a file. */
export const MODEL_ENV = {
  config: "KYOCHO_CONFIG",
  baseURL: "KYOCHO_MODEL_BASE_URL",
  model: "KYOCHO_MODEL_NAME",
  reasoning: "KYOCHO_MODEL_REASONING",
  apiKey: "KYOCHO_MODEL_API_KEY",
} as const;

export interface LoadModelConfigOptions {
  /** `--config FILE`; wins over `KYOCHO_CONFIG`. */
  path?: string | undefined;
  /** Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads the model configuration an entry point runs with: the file named by
 * `path` (`--config`) or `KYOCHO_CONFIG` (JSON or YAML), then the
 * environment overrides of the default endpoint — `KYOCHO_MODEL_BASE_URL`,
 * `KYOCHO_MODEL_NAME`, `KYOCHO_MODEL_REASONING` (`true`|`false`) and
 * `KYOCHO_MODEL_API_KEY` (read when a request is made, never copied into the
 * configuration). With only `KYOCHO_MODEL_BASE_URL` set, every expert and the
 * planner use that endpoint. Returns `undefined` when nothing configures a
 * model: the deterministic experts then run alone.
 *
 * @example
 * const config = loadModelConfig({ path: options.config }); // ModelConfig | undefined
 */
export function loadModelConfig(options: LoadModelConfigOptions = {}): ModelConfig | undefined {
  const env = options.env ?? process.env;
  const path = options.path ?? nonEmpty(env[MODEL_ENV.config]);
  const overrides = envOverrides(env);
  if (path === undefined && overrides === undefined) return undefined;

  const source = path !== undefined ? `config file ${path}` : "environment";
  const raw = path !== undefined ? readDataFile(path, "config file") : {};
  const config = parseModelConfig(raw, { source });
  if (overrides === undefined) return config;

  const base = config.models.default;
  const baseURL = overrides.baseURL ?? base?.baseURL;
  if (baseURL === undefined) {
    const named = Object.keys(overrides).map((k) => MODEL_ENV[k as keyof typeof MODEL_ENV]);
    throw new UserInputError(`${named.join(", ")} set, but no endpoint: set ${MODEL_ENV.baseURL} or models.default.baseURL`, {
      source,
      code: "BAD_CONFIG",
    });
  }
  // Re-validated as a whole, so an environment value is checked exactly like a file value.
  const merged = { ...stripUndefined(base ?? {}), ...overrides, baseURL };
  const withDefault = parseModelConfig(
    { ...rawOf(config), models: { ...rawOf(config).models, default: merged } },
    {
      source: path !== undefined ? `${source} (with environment overrides)` : source,
    },
  );
  return withDefault;
}

type Overrides = Partial<{ baseURL: string; model: string; reasoning: boolean; apiKeyEnv: string }>;

function envOverrides(env: NodeJS.ProcessEnv): Overrides | undefined {
  const out: Overrides = {};
  const baseURL = nonEmpty(env[MODEL_ENV.baseURL]);
  if (baseURL !== undefined) out.baseURL = baseURL;
  const model = nonEmpty(env[MODEL_ENV.model]);
  if (model !== undefined) out.model = model;
  const reasoning = nonEmpty(env[MODEL_ENV.reasoning]);
  if (reasoning !== undefined) {
    if (!/^(true|false)$/i.test(reasoning)) {
      throw new UserInputError(`must be true or false, not "${reasoning}"`, { source: "environment", path: MODEL_ENV.reasoning });
    }
    out.reasoning = reasoning.toLowerCase() === "true";
  }
  if (nonEmpty(env[MODEL_ENV.apiKey]) !== undefined) out.apiKeyEnv = MODEL_ENV.apiKey;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The parsed config without its `source`, as input for a second parse. */
function rawOf(config: ModelConfig): Omit<ModelConfig, "source"> {
  const { source: _source, ...rest } = config;
  return rest;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
