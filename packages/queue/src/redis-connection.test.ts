import { describe, expect, it } from "vitest";
import { UserInputError } from "@kyocho/core";
import { DEFAULT_JOB_RETENTION } from "./job-retention.js";
import { queueEnv, queueRequested } from "./queue-env.js";
import { redactRedisUrl, redisOptionsFromUrl } from "./redis-connection.js";

describe("redisOptionsFromUrl", () => {
  it("reads host, port and database, and sets what BullMQ requires", () => {
    expect(redisOptionsFromUrl("redis://127.0.0.1:6379")).toEqual({ host: "127.0.0.1", port: 6379, db: 0, maxRetriesPerRequest: null });
    expect(redisOptionsFromUrl("redis://cache.internal/3")).toMatchObject({ host: "cache.internal", port: 6379, db: 3 });
  });

  it("honours a user and password, percent-decoded", () => {
    expect(redisOptionsFromUrl("redis://kyocho:p%40ss@h:6380")).toMatchObject({ username: "kyocho", password: "p@ss", port: 6380 });
    expect(redisOptionsFromUrl("redis://:s3cret@h")).toMatchObject({ password: "s3cret" });
    expect(redisOptionsFromUrl("redis://:s3cret@h")).not.toHaveProperty("username");
  });

  it("turns on TLS (checking the server name) for rediss://", () => {
    expect(redisOptionsFromUrl("rediss://:pw@redis.bank.internal:6380")).toMatchObject({ tls: { servername: "redis.bank.internal" } });
    expect(redisOptionsFromUrl("redis://h")).not.toHaveProperty("tls");
    // No SNI for an IP address (RFC 6066; Node warns on one): the certificate is checked against the IP.
    expect(redisOptionsFromUrl("rediss://10.0.0.5:6380").tls).toEqual({});
    expect(redisOptionsFromUrl("rediss://[::1]:6380").tls).toEqual({});
  });

  it("refuses what is not a Redis URL, naming the variable and hiding the password", () => {
    expect(() => redisOptionsFromUrl("http://h:6379")).toThrow(/REDIS_URL: unsupported scheme "http:"/);
    expect(() => redisOptionsFromUrl("redis://h/x")).toThrow(/database "x"/);
    // A URL that does not parse (a port that is not a number) still carries its password: the message names the
    // variable and what is wrong with it, and shows the URL with the password masked.
    for (const url of ["redis://:s3cret-pw@h:notaport", "rediss://kyocho:s3cret-pw@h:63 79/0"]) {
      const error = (() => {
        try {
          redisOptionsFromUrl(url);
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error, url).toBeInstanceOf(UserInputError);
      expect(error!.message, url).toMatch(/^REDIS_URL: "rediss?:\/\/(kyocho)?:\*\*\*@h:[^"]*" is not a URL \(expected redis:\/\//);
      expect(error!.message, url).not.toContain("s3cret-pw");
      expect(JSON.stringify(error), url).not.toContain("s3cret-pw");
    }
  });
});

describe("redactRedisUrl", () => {
  it("hides the password only", () => {
    expect(redactRedisUrl("redis://:s3cret@h:6379")).toBe("redis://:***@h:6379");
    expect(redactRedisUrl("rediss://u:s3cret@h:6380/2")).toBe("rediss://u:***@h:6380/2");
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });

  it("hides the password of a value that is not a URL at all", () => {
    for (const [given, shown] of [
      [":s3cret@host:6379", ":***@host:6379"],
      ["not a url :s3cret@", "not a url :***@"],
      ["user:s3cret@host", "user:***@host"],
      ["redis://:s3cret@h:99999999", "redis://:***@h:99999999"],
      ["s3cret@host", "***@host"],
    ]) {
      expect(redactRedisUrl(given!), given).toBe(shown);
      expect(redactRedisUrl(given!)).not.toContain("s3cret");
    }
  });
});

describe("queueEnv", () => {
  it("defaults to the local Redis and the {kyocho} prefix", () => {
    expect(queueEnv({})).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      topology: { kind: "single", url: "redis://127.0.0.1:6379" },
      prefix: "{kyocho}",
      prefixScheme: "per-expert",
      useQueue: false,
      retention: DEFAULT_JOB_RETENTION,
    });
  });

  it("reads REDIS_URL, KYOCHO_PREFIX and KYOCHO_QUEUE", () => {
    expect(queueEnv({ REDIS_URL: "rediss://:pw@r:6380", KYOCHO_PREFIX: "{bank}", KYOCHO_QUEUE: "1" })).toEqual({
      redisUrl: "rediss://:pw@r:6380",
      topology: { kind: "single", url: "rediss://:pw@r:6380" },
      prefix: "{bank}",
      prefixScheme: "per-expert",
      useQueue: true,
      retention: DEFAULT_JOB_RETENTION,
    });
    expect(queueRequested({ KYOCHO_QUEUE: "yes" })).toBe(true);
    expect(queueRequested({ KYOCHO_QUEUE: "0" })).toBe(false);
  });

  it("refuses a bad REDIS_URL or prefix with an input error", () => {
    expect(() => queueEnv({ REDIS_URL: "ftp://x" })).toThrow(/^REDIS_URL: /);
    expect(() => queueEnv({ KYOCHO_PREFIX: "has space" })).toThrow(/^KYOCHO_PREFIX: /);
    expect(() => queueEnv({ KYOCHO_KEEP_COMPLETED_JOBS: "lots" })).toThrow(/^environment: KYOCHO_KEEP_COMPLETED_JOBS: must be a positive integer/);
  });
});
