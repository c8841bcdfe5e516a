import { afterAll, describe, expect, it } from "vitest";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { startKyocho, stopKyocho } from "./helpers/kyocho-process.js";

const prefix = uniquePrefix("dashboard");
const connection = createRedisConnection(process.env.REDIS_URL);

afterAll(async () => {
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("kyocho dashboard", () => {
  it("answers on localhost and lists the expert queues, including ones found in Redis", async () => {
    // A bank's own expert, known only from its queue in Redis.
    const esg = openExpertQueue("esg", { connection, prefix });
    await esg.add("esg", { probe: true }, { jobId: "probe@esg" });
    await esg.close();

    const board = startKyocho(["dashboard", "--port", "0"], { KYOCHO_PREFIX: prefix });
    try {
      const [, url] = await board.waitForStderr(/dashboard on (http:\/\/127\.0\.0\.1:\d+\/)/);
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toMatch(/<div id="root"/);

      const api = await fetch(new URL("api/queues", url));
      expect(api.status).toBe(200);
      const { queues } = (await api.json()) as { queues: Array<{ name: string; displayName?: string; counts: Record<string, number> }> };
      expect(queues.map((q) => q.name).sort()).toEqual(["expert:esg", "expert:fx", "expert:legal", "expert:lending", "expert:markets"]);
      expect(queues.find((q) => q.name === "expert:esg")!.counts.waiting).toBe(1);

      const redis = await fetch(new URL("api/redis/stats", url));
      expect(redis.status).toBe(200);
      expect(((await redis.json()) as { version: string }).version).toMatch(/^\d+\./);
    } finally {
      board.child.kill("SIGINT");
      expect(await board.exited).toBe(0);
      await stopKyocho(board);
    }
  }, 30_000);
});
