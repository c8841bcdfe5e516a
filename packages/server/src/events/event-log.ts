/** One server-sent event of an assessment: numbered from 1 in the order it happened. */
export interface LoggedEvent {
  id: number;
  event: string;
  data: unknown;
}

/**
 * The events of one assessment, kept so that a subscriber who comes late gets every event from the
 * start, then the live ones. Ends with `end`; nothing is appended after it.
 */
export class EventLog {
  private readonly events: LoggedEvent[] = [];
  private waiters: Array<() => void> = [];
  /** When the log ended (`end` appended), by the service's clock; undefined while live. */
  endedAt: number | undefined;

  append(event: string, data: unknown, now: number = Date.now()): void {
    if (this.endedAt !== undefined) return;
    this.events.push({ id: this.events.length + 1, event, data });
    if (event === "end") this.endedAt = now;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  /** The events after id `after` (0: all), and whether the log has ended. */
  since(after: number): { events: LoggedEvent[]; ended: boolean } {
    return { events: this.events.slice(Math.max(0, after)), ended: this.ended };
  }

  /** Resolves when an event is appended (or at once when the log has ended), or when `signal` aborts. */
  changed(signal?: AbortSignal): Promise<void> {
    if (this.ended || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
  }

  /** An event log holding `events` (as synthesised from a stored assessment), already ended when the last is `end`. */
  static of(events: ReadonlyArray<{ event: string; data: unknown }>): EventLog {
    const log = new EventLog();
    for (const e of events) log.append(e.event, e.data);
    return log;
  }
}
