import { Cluster, Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisClient, describeTopology, parseNodeList, redisTopologyFromEnv } from "./redis-topology.js";

describe("redisTopologyFromEnv", () => {
  it("reads one server from REDIS_URL, as before", () => {
    expect(redisTopologyFromEnv({})).toEqual({ kind: "single", url: "redis://127.0.0.1:6379" });
    expect(redisTopologyFromEnv({ REDIS_URL: "rediss://u:pw@r:6380/2" })).toEqual({ kind: "single", url: "rediss://u:pw@r:6380/2" });
  });

  it("reads a cluster's seed nodes, with credentials and TLS for every node", () => {
    const topology = redisTopologyFromEnv({
      KYOCHO_REDIS_CLUSTER: "10.0.0.1:7000, redis-b.bank.internal:7001,[::1]:7002",
      KYOCHO_REDIS_USERNAME: "kyocho",
      KYOCHO_REDIS_PASSWORD: "s3cret",
      KYOCHO_REDIS_TLS: "1",
    });
    expect(topology).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-b.bank.internal", port: 7001 },
        { host: "::1", port: 7002 },
      ],
      auth: { username: "kyocho", password: "s3cret", tls: true },
    });
    expect(describeTopology(topology)).toBe("cluster 10.0.0.1:7000,redis-b.bank.internal:7001,[::1]:7002 (TLS)");
    const client = createRedisClient(topology, { name: "kyocho-test" });
    expect(client).toBeInstanceOf(Cluster);
    expect((client as Cluster).options.redisOptions).toMatchObject({ username: "kyocho", password: "s3cret", tls: {}, maxRetriesPerRequest: null });
    client.disconnect();
  });

  it("reads a Sentinel set, the master's name and the sentinels' own credentials", () => {
    const topology = redisTopologyFromEnv({
      KYOCHO_REDIS_SENTINELS: "s1:26379,s2:26379,s3:26379",
      KYOCHO_REDIS_SENTINEL_NAME: "kyocho",
      KYOCHO_REDIS_PASSWORD: "data-pw",
      KYOCHO_REDIS_SENTINEL_PASSWORD: "sentinel-pw",
      KYOCHO_REDIS_SENTINEL_TLS: "yes",
    });
    expect(topology).toMatchObject({
      kind: "sentinel",
      name: "kyocho",
      db: 0,
      auth: { password: "data-pw" },
      sentinelAuth: { password: "sentinel-pw", tls: true },
    });
    expect(describeTopology(topology)).toBe('sentinel master "kyocho" via s1:26379,s2:26379,s3:26379');
    const client = createRedisClient(topology) as Redis;
    expect(client.options).toMatchObject({
      name: "kyocho",
      password: "data-pw",
      sentinelPassword: "sentinel-pw",
      sentinelTLS: {},
      maxRetriesPerRequest: null,
    });
    // TLS to the sentinels only: the master is reached in plain text, as asked.
    expect(client.options.enableTLSForSentinelMode).toBeFalsy();
    client.disconnect();
    // TLS to the master (KYOCHO_REDIS_TLS) needs ioredis's enableTLSForSentinelMode, or it would speak plain text to a TLS port.
    const dataTls = createRedisClient(
      redisTopologyFromEnv({ KYOCHO_REDIS_SENTINELS: "s1:26379", KYOCHO_REDIS_SENTINEL_NAME: "kyocho", KYOCHO_REDIS_TLS: "1" }),
    ) as Redis;
    expect(dataTls.options).toMatchObject({ enableTLSForSentinelMode: true, tls: {} });
    expect(dataTls.options.sentinelTLS).toBeUndefined();
    dataTls.disconnect();
  });

  it("refuses mixed topologies, a Sentinel set without a name, and node lists that carry secrets or no port", () => {
    expect(() => redisTopologyFromEnv({ REDIS_URL: "redis://r", KYOCHO_REDIS_CLUSTER: "a:1" })).toThrow(
      /^environment: set one of REDIS_URL, KYOCHO_REDIS_CLUSTER/,
    );
    expect(() => redisTopologyFromEnv({ KYOCHO_REDIS_SENTINELS: "a:26379" })).toThrow(/^KYOCHO_REDIS_SENTINEL_NAME: /);
    expect(() => parseNodeList("redis://:s3cret@a:7000", "KYOCHO_REDIS_CLUSTER")).toThrow(/KYOCHO_REDIS_PASSWORD/);
    expect(() => parseNodeList("redis://:s3cret@a:7000", "KYOCHO_REDIS_CLUSTER")).not.toThrow(/s3cret/);
    expect(() => parseNodeList("a", "KYOCHO_REDIS_CLUSTER")).toThrow(/^KYOCHO_REDIS_CLUSTER: "a" is not host:port/);
    expect(() => parseNodeList("a:70000", "X")).toThrow(/not host:port/);
    expect(() => parseNodeList(" , ", "X")).toThrow(/names no node/);
    expect(() => redisTopologyFromEnv({ KYOCHO_REDIS_CLUSTER: "a:1", KYOCHO_REDIS_TLS: "maybe" })).toThrow(/^KYOCHO_REDIS_TLS: /);
  });

  it("never shows a password in its description", () => {
    for (const env of [
      { REDIS_URL: "redis://:s3cret@r:6379" },
      { KYOCHO_REDIS_CLUSTER: "a:1", KYOCHO_REDIS_PASSWORD: "s3cret" },
      { KYOCHO_REDIS_SENTINELS: "a:1", KYOCHO_REDIS_SENTINEL_NAME: "m", KYOCHO_REDIS_PASSWORD: "s3cret", KYOCHO_REDIS_SENTINEL_PASSWORD: "s3cret" },
    ]) {
      expect(describeTopology(redisTopologyFromEnv(env))).not.toContain("s3cret");
    }
  });
});
