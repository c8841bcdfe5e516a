import type { Assessment, Case } from "@kyocho/core";
import type { Council, CouncilEvent } from "@kyocho/council";
import { recordFinished, runningRecord, type AssessmentRecord, type AssessmentStore } from "@kyocho/store";
import { EventLog } from "./events/event-log.js";
import { awaitingSignoffData, storedEvents } from "./events/stored-events.js";
import type { ServiceMetrics } from "./metrics/service-metrics.js";
import { problemOf } from "./middleware/problem-errors.js";

/** An assessment the service was asked for: its id, and its assessment once the run (or the store) has it. */
export interface StartedAssessment {
  id: string;
  /** Resolves with the assessment; rejects when the run failed (the record stays `running`, resumable). */
  done: Promise<Assessment>;
}

/**
 * The assessments the service runs, as `kyocho ask` runs one: identify it, store the `running` record
 * (requested by the token's subject), run the council with its events going to the assessment's event
 * log, store the finished assessment. A second request for the same id while it runs joins that run;
 * one for an assessment already stored gets the stored one without running anything.
 *
 * Event logs are kept in memory while they are useful: a finished run's log is dropped `retentionMs`
 * after it ended, and the events of an assessment not in memory are rebuilt from its record.
 */
export class AssessmentRuns {
  private readonly running = new Map<string, StartedAssessment>();
  private readonly logs = new Map<string, EventLog>();

  constructor(
    private readonly deps: {
      council: Council;
      store: AssessmentStore;
      metrics: ServiceMetrics;
      now: () => Date;
      retentionMs: number;
      log: (line: string) => void;
    },
  ) {}

  /** Starts (or joins) the assessment of `input`; never throws for a run's failure, only for bad input. */
  async start(input: { question: string | undefined; case: Case | undefined; requestedBy: string }): Promise<StartedAssessment> {
    const { council } = this.deps;
    const fixed = council.identify({ question: input.question, case: input.case });
    const id = fixed.assessmentId;
    const joined = this.running.get(id);
    if (joined) return joined;
    // Registered before the first await, so a concurrent request for the same id joins this run.
    const log = new EventLog();
    let settle!: { resolve: (a: Assessment) => void; reject: (e: unknown) => void };
    const done = new Promise<Assessment>((resolve, reject) => (settle = { resolve, reject }));
    // A caller who only polls never awaits `done`: its rejection is reported through the event log.
    done.catch(() => undefined);
    const started = { id, done };
    this.running.set(id, started);
    this.logs.set(id, log);
    void this.run(id, fixed, input, log).then(settle.resolve, settle.reject);
    return started;
  }

  private async run(
    id: string,
    fixed: { question: string; case: Case | undefined },
    input: { question: string | undefined; case: Case | undefined; requestedBy: string },
    log: EventLog,
  ): Promise<Assessment> {
    const { council, store, metrics } = this.deps;
    try {
      const earlier = await store.get(id);
      if (earlier?.assessment && earlier.status !== "running") {
        // Stored already: its events are the stored ones, and nothing runs.
        this.logs.set(id, EventLog.of(storedEvents(earlier)));
        return earlier.assessment;
      }
      const record: AssessmentRecord =
        earlier ??
        (await store.save(runningRecord({ id, question: fixed.question, case: fixed.case, policy: council.policy, requestedBy: input.requestedBy })));
      const assessment = await council.assess(
        { question: input.question, case: input.case, requestedBy: record.requestedBy },
        { onEvent: (event) => this.onEvent(log, event) },
      );
      const stored = await recordFinished(store, record, assessment);
      metrics.assessments.inc({ decision: assessment.decision, rating: assessment.rating });
      if (assessment.signoff && stored.status === "awaiting_signoff") log.append("awaiting_signoff", awaitingSignoffData(assessment));
      log.append("end", { status: stored.status }, this.deps.now().getTime());
      return assessment;
    } catch (error) {
      log.append("failed", problemOf(error, `/v1/assessments/${id}`));
      log.append("end", { status: "failed" }, this.deps.now().getTime());
      throw error;
    } finally {
      this.running.delete(id);
      this.sweep();
    }
  }

  private onEvent(log: EventLog, event: CouncilEvent): void {
    if (event.type === "expert_finished" && event.latencyMs !== undefined)
      this.deps.metrics.expertDuration.observe({ expert: event.expert, status: event.status }, event.latencyMs / 1000);
    log.append(event.type, event);
  }

  /**
   * The event log of an assessment: the live one of a run in this process, else one rebuilt from the
   * store; undefined when the store has no such assessment.
   */
  async events(id: string): Promise<EventLog | undefined> {
    this.sweep();
    const live = this.logs.get(id);
    if (live) return live;
    const record = await this.deps.store.get(id);
    return record ? EventLog.of(storedEvents(record)) : undefined;
  }

  /** Forgets the in-memory events of `id` (after a sign-off, so later subscribers see the signature from the store). */
  forget(id: string): void {
    if (!this.running.has(id)) this.logs.delete(id);
  }

  /** Whether the assessment `id` is running in this process. */
  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Waits for the runs in flight (at shutdown), whatever their outcome. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  /** Drops the logs of runs that ended more than `retentionMs` ago: memory stays bounded by the runs of the last while. */
  private sweep(): void {
    const cutoff = this.deps.now().getTime() - this.deps.retentionMs;
    for (const [id, log] of this.logs) if (log.endedAt !== undefined && log.endedAt <= cutoff && !this.running.has(id)) this.logs.delete(id);
  }
}
