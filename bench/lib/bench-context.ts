import type { Redis } from "ioredis";
import type { TableRow } from "./table.js";

/** What every section of the benchmark is given: Redis (created at the entry point) and a progress log. */
export interface BenchContext {
  connection: Redis;
  /** As given in REDIS_URL (undefined: kyocho's default), passed on to child processes. */
  redisUrl: string | undefined;
  /** One line of progress, on stderr (the table goes to stdout). */
  log(line: string): void;
}

/** What every section returns: its figures (for results.json) and its rows of the table. */
export interface SectionResult<F> {
  figures: F;
  rows: TableRow[];
}
