/**
 * A child process of the benchmark: one plain BullMQ worker whose processor
 * does nothing — the baseline kyocho's queue is measured against. Prints
 * `ready` once its connections are up; SIGTERM closes it.
 *
 * Usage: node --import tsx bench/lib/raw-worker.ts <prefix> <queue> <concurrency>
 */
import { Worker } from "bullmq";
import { createRedisConnection } from "@kyocho/queue";

const [prefix, queue, concurrency] = process.argv.slice(2);
if (!prefix || !queue || !concurrency) throw new Error("usage: raw-worker.ts <prefix> <queue> <concurrency>");

const connection = createRedisConnection(process.env.REDIS_URL);
const worker = new Worker(queue, async () => ({ ok: true }), { connection, prefix, concurrency: Number(concurrency) });
await worker.waitUntilReady();
process.stdout.write("ready\n");
process.once("SIGTERM", () => void worker.close().then(() => connection.disconnect()));
