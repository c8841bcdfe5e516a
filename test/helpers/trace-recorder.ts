import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

/** The spans a test's process finished, kept in memory by the SDK's own exporter. */
export interface TraceRecorder {
  readonly exporter: InMemorySpanExporter;
  spans(): ReadableSpan[];
  /** The finished spans named `name` (or whose name starts with `name` when it ends with `*`). */
  named(name: string): ReadableSpan[];
  /** Every span's name and attributes as one JSON text, for the test that no case text is in them. */
  attributesText(): string;
  /** Unregisters the provider, context manager and propagator. */
  close(): Promise<void>;
}

/**
 * Registers an OpenTelemetry SDK for a test, as an application would: a
 * tracer provider whose spans go to an {@link InMemorySpanExporter}, the
 * AsyncLocalStorage context manager and the W3C propagator (what carries a
 * trace through a queued job).
 *
 * @example
 * const recorder = recordTraces();
 * await council.assess(input);
 * recorder.named("kyocho.subtask") // one per sub-task
 */
export function recordTraces(): TraceRecorder {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const spans = () => exporter.getFinishedSpans();
  return {
    exporter,
    spans,
    named: (name) => spans().filter((s) => (name.endsWith("*") ? s.name.startsWith(name.slice(0, -1)) : s.name === name)),
    attributesText: () =>
      JSON.stringify(
        spans().map((s) => ({
          name: s.name,
          attributes: s.attributes,
          status: s.status,
          events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })),
        })),
      ),
    close: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The span id of a span's parent (SDK 2 names it `parentSpanContext`). */
export function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
