import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from "@opentelemetry/api";
import { z } from "zod";

/** The tracer of queued sub-tasks; a no-op until the application registers an OpenTelemetry SDK. */
const tracer = trace.getTracer("@kyocho/queue");

/**
 * The W3C trace context a job carries (`traceparent`, `tracestate`), so that
 * the worker's spans join the producer's trace. Ids only: it names a span, it
 * holds no secret and nothing of the case.
 *
 * @example
 * JobTraceSchema.parse({ traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" });
 */
export const JobTraceSchema = z.strictObject({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, "expected a W3C traceparent"),
  tracestate: z.string().max(512).optional(),
});

/** The trace context of one job (see {@link JobTraceSchema}). */
export type JobTrace = z.infer<typeof JobTraceSchema>;

/** The messaging attributes of a job's spans (OpenTelemetry messaging conventions). */
function jobAttributes(queue: string, jobId: string, expert: string, operation: "send" | "process") {
  return {
    "messaging.system": "bullmq",
    "messaging.operation.type": operation,
    "messaging.operation.name": operation,
    "messaging.destination.name": queue,
    "messaging.message.id": jobId,
    "kyocho.expert": expert,
  };
}

/**
 * Starts the producer span of a sub-task's job (`send {queue}`, a child of the
 * active span: the sub-task) and returns it with the trace context to put in
 * the job, taken from it by the registered propagator (W3C by default in the
 * SDK). Without an SDK the span is a no-op and there is no context to carry.
 *
 * @example
 * const { span, trace } = startProducerSpan("{kyocho}:expert:fx", jobId, "fx");
 */
export function startProducerSpan(queue: string, jobId: string, expert: string): { span: Span; trace: JobTrace | undefined } {
  const span = tracer.startSpan(`send ${queue}`, { kind: SpanKind.PRODUCER, attributes: jobAttributes(queue, jobId, expert, "send") });
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  const parsed = JobTraceSchema.safeParse(carrier);
  return { span, trace: parsed.success ? parsed.data : undefined };
}

/**
 * Runs a worker's job in its consumer span (`process {queue}`), a child of the
 * producer span whose context the job carries (a root span when it carries
 * none), so the expert's model calls join the producer's trace.
 *
 * @example
 * return inConsumerSpan("{kyocho}:expert:fx", job.id, "fx", data.trace, () => expert.run(request));
 */
export function inConsumerSpan<T>(queue: string, jobId: string, expert: string, carried: JobTrace | undefined, run: (span: Span) => Promise<T>): Promise<T> {
  const parent: Context = carried ? propagation.extract(context.active(), carried) : context.active();
  return tracer.startActiveSpan(
    `process ${queue}`,
    { kind: SpanKind.CONSUMER, attributes: jobAttributes(queue, jobId, expert, "process") },
    parent,
    async (span) => {
      try {
        return await run(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "Error" });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Records the sub-task's status on a job's span (and its error code when it did not finish).
 *
 * @example
 * recordJobOutcome(span, result);
 */
export function recordJobOutcome(span: Span, result: { status: string; error?: { code: string } | undefined }): void {
  span.setAttribute("kyocho.subtask.status", result.status);
  if (result.error) span.setAttribute("error.type", result.error.code);
  if (result.status === "failed") span.setStatus({ code: SpanStatusCode.ERROR, message: result.error?.code ?? "failed" });
}
