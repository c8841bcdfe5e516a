import { UserInputError } from "@kyocho/core";
import type { RateLimiterOptions } from "bullmq";

/**
 * BullMQ limiter options for "at most `perSecond` jobs per second", spread
 * evenly: one job per `ceil(1000 / perSecond)` ms rather than `perSecond`
 * jobs at the start of every second. BullMQ's limiter counts jobs in fixed
 * windows, so a burst at the end of one window and another at the start of
 * the next could start twice the rate within one second; one job per window
 * guarantees that no one-second span ever holds more than `perSecond` starts,
 * which is what a GPU server needs. The limit is per queue, shared by every
 * worker of that expert (give them all the same rate).
 *
 * @example
 * limiterFor(5)    // { max: 1, duration: 200 }
 * limiterFor(0.5)  // { max: 1, duration: 2000 } — one job every two seconds
 */
export function limiterFor(perSecond: number, source = "rate"): RateLimiterOptions {
  if (!Number.isFinite(perSecond) || perSecond <= 0 || perSecond > 1000) {
    throw new UserInputError(`must be a number of jobs per second above 0 and at most 1000, got ${perSecond}`, { source });
  }
  return { max: 1, duration: Math.ceil(1000 / perSecond) };
}
