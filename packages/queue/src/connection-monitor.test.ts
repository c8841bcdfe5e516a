import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { isConnectionError, reconnectDelay, watchConnection, type ConnectionEvent } from "./connection-monitor.js";

describe("watchConnection", () => {
  it("reports an outage once each way, however many attempts it took, and not a deliberate close", () => {
    const connection = new EventEmitter();
    const events: ConnectionEvent[] = [];
    const stop = watchConnection(connection as unknown as Redis, (e) => events.push(e));
    connection.emit("ready");
    connection.emit("error", new Error("read ECONNRESET"));
    connection.emit("close");
    for (let i = 0; i < 5; i++) {
      connection.emit("reconnecting", 100);
      connection.emit("error", new Error("connect ECONNREFUSED 127.0.0.1:6379"));
    }
    connection.emit("ready");
    expect(events).toEqual([
      { type: "lost", reason: "read ECONNRESET" },
      { type: "restored", downMs: expect.any(Number), attempts: 5 },
    ]);
    connection.emit("close"); // quit(): no reconnecting follows
    connection.emit("end");
    expect(events).toHaveLength(2);
    stop();
    connection.emit("reconnecting", 100);
    expect(events).toHaveLength(2);
  });
});

describe("isConnectionError", () => {
  it("knows what a client says while Redis is away, and nothing else", () => {
    for (const m of [
      "connect ECONNREFUSED 127.0.0.1:6379",
      "read ECONNRESET",
      "Connection is closed.",
      "Stream isn't writeable and enableOfflineQueue options is false",
      "LOADING Redis is loading the dataset in memory",
    ]) {
      expect(isConnectionError(m), m).toBe(true);
    }
    for (const m of ["Missing lock for job a-1@fx. moveToFinished", "NOPERM this user has no permissions", "WRONGPASS invalid username-password pair"]) {
      expect(isConnectionError(m), m).toBe(false);
    }
  });
});

describe("reconnectDelay", () => {
  it("backs off exponentially from 50 ms to 2 s, with jitter", () => {
    const range = (attempt: number) => {
      const delays = Array.from({ length: 50 }, () => reconnectDelay(attempt));
      return [Math.min(...delays), Math.max(...delays)];
    };
    expect(range(1)[0]).toBeGreaterThanOrEqual(40);
    expect(range(1)[1]).toBeLessThanOrEqual(60);
    expect(range(4)[0]).toBeGreaterThanOrEqual(320);
    expect(range(4)[1]).toBeLessThanOrEqual(480);
    expect(range(30)[0]).toBeGreaterThanOrEqual(1_600);
    expect(range(30)[1]).toBeLessThanOrEqual(2_400);
  });
});
