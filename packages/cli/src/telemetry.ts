/**
 * The variables that switch trace export on: the OpenTelemetry SDK's own. Without
 * either, nothing is loaded, started or sent.
 */
export const OTLP_ENDPOINT_VARIABLES = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"] as const;

/** The commands whose councils, sub-tasks and model calls are traced. */
export const TRACED_COMMANDS: ReadonlySet<string> = new Set(["ask", "batch", "worker", "resume", "signoff", "serve"]);

/** A running trace export: flush it before the process exits. */
export interface Telemetry {
  /** Sends the spans still buffered and stops the exporter. */
  shutdown(): Promise<void>;
}

/**
 * Starts trace export for one command when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * or `OTEL_EXPORTER_OTLP_ENDPOINT` is set, else returns `undefined` having
 * loaded nothing. The endpoint passes the same on-premises guard as a model
 * endpoint (`allowedHosts`, `allowExternal` of the model configuration), so a
 * collector outside the bank is refused (exit 2, naming the variable) before
 * anything runs: span attributes hold assessment ids, expert names and model
 * names. The SDK is loaded only then: a plain `kyocho ask` never reads it.
 *
 * @example
 * const telemetry = await startTelemetry("ask", process.env, configPath);
 * try { await run(); } finally { await telemetry?.shutdown(); }
 */
export async function startTelemetry(command: string, env: NodeJS.ProcessEnv, configPath: string | undefined): Promise<Telemetry | undefined> {
  const variable = OTLP_ENDPOINT_VARIABLES.find((name) => env[name]?.trim());
  if (!variable) return undefined;
  const endpoint = env[variable]!.trim();
  const { assertOnPremises, loadModelConfig } = await import("@kyocho/models");
  const { UserInputError } = await import("@kyocho/core");
  let valid = false;
  try {
    valid = /^https?:$/.test(new URL(endpoint).protocol);
  } catch {
    // refused below, naming the variable
  }
  if (!valid) throw new UserInputError(`${endpoint} is not an http(s) URL`, { source: "environment", path: variable, code: "BAD_OTLP_ENDPOINT" });
  const config = loadModelConfig({ path: configPath });
  assertOnPremises(
    endpoint,
    { allowedHosts: config?.allowedHosts ?? [], allowExternal: config?.allowExternal ?? false },
    { source: "environment", path: variable },
  );

  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  // The exporter reads the endpoint, headers and timeout from the same OTEL_EXPORTER_OTLP_* variables itself.
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME?.trim() || `kyocho-${command}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator: what carries a trace through a queued job.
  provider.register();
  return {
    shutdown: async () => {
      try {
        await provider.shutdown();
      } catch (error) {
        // A collector that is down must not turn a finished assessment into a failed command.
        process.stderr.write(`kyocho: could not send traces to ${endpoint} (${error instanceof Error ? error.message : String(error)})\n`);
      }
    },
  };
}

/** `--config FILE` (or `--config=FILE`) on the command line; without it the model configuration comes from `KYOCHO_CONFIG` as usual. */
export function configPathFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--config") return argv[i + 1];
    if (arg.startsWith("--config=")) return arg.slice("--config=".length);
  }
  return undefined;
}
