/**
 * @kyocho/queue/testing — helpers for testing code that uses kyocho's queues:
 * unique key prefixes and their clean-up, a private `redis-server` that can be
 * killed and restarted, and deterministic synthetic experts.
 */
export { uniquePrefix, deleteKeys } from "./test-prefix.js";
export { startRedisServer, type TestRedisServer } from "./redis-server.js";
export { syntheticExpert, syntheticPolicy, type SyntheticExpertOptions } from "./synthetic-experts.js";
export { startRedisCluster, type TestRedisCluster, type TestClusterNode, type TestRedisClusterOptions } from "./redis-cluster.js";
export { startRedisSentinel, type TestRedisSentinel, type TestRedisSentinelOptions } from "./redis-sentinel.js";
export { waitUntil, type TestRedisTls } from "./redis-process.js";
