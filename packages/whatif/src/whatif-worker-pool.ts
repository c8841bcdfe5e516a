import { Worker } from "node:worker_threads";
import type { Policy } from "@kyocho/core/policy";
import type { PairResult, WhatIfCase } from "./run-whatif.js";

type Reply = { seq: number; result: PairResult } | { seq: number; error: string };

/**
 * Worker threads that each build the baseline and the candidate council
 * once (the reference experts under the two policies) and assess the cases
 * sent to them. A case goes to the worker with the fewest in flight.
 */
export class WhatIfWorkerPool {
  private readonly workers: Array<{ worker: Worker; inFlight: number }>;
  private readonly waiting = new Map<number, { resolve: (r: PairResult) => void; reject: (e: Error) => void; slot: { inFlight: number } }>();
  private seq = 0;
  private failure: Error | undefined;

  constructor(size: number, before: Policy, after: Policy) {
    const url = new URL("./whatif-worker.js", import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const slot = { worker: new Worker(url, { workerData: { before, after } }), inFlight: 0 };
      slot.worker.on("message", (reply: Reply) => this.settle(reply));
      // A worker that dies fails every case it held; the run reports them as errors rather than hanging.
      slot.worker.on("error", (error) => this.failAll(error));
      slot.worker.on("exit", (code) => {
        if (code !== 0) this.failAll(new Error(`what-if worker exited with code ${code}`));
      });
      return slot;
    });
  }

  /** Assesses one case under both policies in a worker. */
  run(item: WhatIfCase): Promise<PairResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const seq = ++this.seq;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, slot });
      slot.worker.postMessage({ seq, item });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private settle(reply: Reply): void {
    const entry = this.waiting.get(reply.seq);
    if (!entry) return;
    this.waiting.delete(reply.seq);
    entry.slot.inFlight--;
    if ("error" in reply) entry.reject(new Error(reply.error));
    else entry.resolve(reply.result);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const [seq, entry] of this.waiting) {
      this.waiting.delete(seq);
      entry.reject(error);
    }
  }
}
