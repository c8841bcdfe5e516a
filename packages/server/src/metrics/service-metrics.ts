import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AuditEntry, AuditSink } from "@kyocho/core";

/** Seconds: experts and model calls take from milliseconds (rules only) to minutes (a reasoning model). */
const DURATION_BUCKETS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * The service's Prometheus metrics, on a registry of their own (never prom-client's global one, so two
 * services in one process, as in tests, do not share counts). The gauges that need a look at the store or
 * the queues are filled at scrape time by the `/metrics` route.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly assessments = new Counter({
    name: "kyocho_assessments_total",
    help: "Assessments the service's runs finished, by decision and rating",
    labelNames: ["decision", "rating"] as const,
    registers: [this.registry],
  });
  readonly expertDuration = new Histogram({
    name: "kyocho_expert_duration_seconds",
    help: "Time each expert took on a sub-task, by expert and status (from the council's expert_finished events)",
    labelNames: ["expert", "status"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly modelCallDuration = new Histogram({
    name: "kyocho_model_call_duration_seconds",
    help: "Time of each chat-completion request, by caller (expert, planner, summary), model and outcome",
    labelNames: ["caller", "model", "outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly signoffsWaiting = new Gauge({
    name: "kyocho_signoffs_waiting",
    help: "Stored assessments awaiting sign-off",
    registers: [this.registry],
  });
  readonly queueJobs = new Gauge({
    name: "kyocho_queue_jobs",
    help: "Jobs on each expert's queue, by state (with --queue)",
    labelNames: ["expert", "state"] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: "kyocho_http_requests_total",
    help: "HTTP requests answered, by route and status",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });

  /**
   * An audit sink that times every `model_call` entry and passes every entry on to `inner` (the configured
   * audit log, if any), so the audit log is written exactly as without the service.
   */
  auditSink(inner: AuditSink | undefined): AuditSink {
    return {
      write: (entry: AuditEntry) => {
        if (entry.kind === "model_call")
          this.modelCallDuration.observe({ caller: entry.caller, model: entry.model, outcome: entry.outcome }, entry.latencyMs / 1000);
        inner?.write(entry);
      },
    };
  }
}
