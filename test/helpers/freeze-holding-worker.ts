import type { ChildProcess } from "node:child_process";
import type { Queue } from "bullmq";

/**
 * Freezes a worker process (SIGSTOP) at a moment it holds at least one active sub-task, and returns the ids of the
 * sub-tasks it holds; the process stays frozen, so the caller decides what happens to it (kill it, thaw it later).
 * A fault test that kills a worker "mid-batch" proves nothing unless the worker really held work when it died.
 */
export async function freezeWhileHolding(child: ChildProcess, queues: ReadonlyArray<Queue>, workerName: string, maxTries = 1_000): Promise<string[]> {
  for (let tries = 0; ; tries++) {
    if (tries > maxTries) throw new Error(`${workerName} never held a sub-task`);
    child.kill("SIGSTOP");
    const held = (await Promise.all(queues.map((q) => q.getJobs(["active"]))))
      .flat()
      .filter((j) => j.processedBy === workerName)
      .map((j) => j.id!);
    if (held.length > 0) return held;
    child.kill("SIGCONT");
    await new Promise((r) => setTimeout(r, 5));
  }
}
