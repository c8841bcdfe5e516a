/**
 * True when `KYOCHO_QUEUE` asks for the queue. The queue package (BullMQ,
 * ioredis) is loaded only when the variable is set at all, so `ask` and an
 * in-process `batch` never load it.
 */
export async function queueRequestedByEnv(): Promise<boolean> {
  if (!process.env.KYOCHO_QUEUE) return false;
  const { queueRequested } = await import("@kyocho/queue");
  return queueRequested();
}
