/**
 * @kyocho/queue — Redis and BullMQ for kyocho: a queue per expert, an
 * executor that sends a council's sub-tasks through them, and workers that
 * run the experts wherever their models run. Connections are passed in;
 * only entry points create them. The job contract (a policy named by
 * SHA-256, ids from the request's digest, facts before the answer) is
 * described in this package's README.
 */
export { QueueError, RedisUnavailableError } from "./queue-error.js";
export {
  DEFAULT_PREFIX,
  EXPERT_QUEUE_GROUP,
  PREFIX_SCHEMES,
  expertQueue,
  checkPrefix,
  checkPrefixScheme,
  prefixBase,
  hashTagOf,
  type ExpertQueueAddress,
  type PrefixScheme,
} from "./queue-names.js";
export {
  redisTopologyFromEnv,
  describeTopology,
  createRedisClient,
  dataNodes,
  parseNodeList,
  type RedisClient,
  type RedisTopology,
  type RedisNodeAddress,
  type RedisAuth,
} from "./redis-topology.js";
export { expertQueuePlacement, type QueuePlacement } from "./queue-placement.js";
export { clusterSlot, CLUSTER_SLOTS } from "./cluster-slot.js";
export { openExpertQueue, workerCounts, type ExpertQueueOptions } from "./expert-queue.js";
export { JOB_ID_SEPARATOR, jobIdFor, jobDigest, parseJobId } from "./job-id.js";
export {
  JobContractError,
  PolicyReferenceSchema,
  ExpertJobDataSchema,
  toExpertJobData,
  parseExpertJobData,
  requestFromJobData,
  parseExpertJobResult,
  DEFAULT_EXPERT_JOB_OPTIONS,
  type ExpertJobData,
  type ExpertJobOptions,
} from "./expert-job.js";
export { JobTraceSchema, type JobTrace } from "./job-trace.js";
export { HeldPolicies, POLICY_MISMATCH } from "./held-policies.js";
export { DEFAULT_REDIS_URL, redisOptionsFromUrl, redactRedisUrl, createRedisConnection, waitForRedis } from "./redis-connection.js";
export { queueEnv, queueRequested, type QueueEnv } from "./queue-env.js";
export { watchConnection, isConnectionError, reconnectDelay, type ConnectionEvent } from "./connection-monitor.js";
export {
  JobRetentionSchema,
  DEFAULT_JOB_RETENTION,
  RETENTION_ENV,
  retentionJobOptions,
  retentionFromEnv,
  type JobRetention,
  type JobRetentionInput,
} from "./job-retention.js";
export { JobResultWatcher, type JobOutcome, type WatchedJob, type SubmitOptions } from "./job-result-watcher.js";
export { QueueExecutor, QUEUE_FAILURE_CODES, type QueueExecutorOptions } from "./queue-executor.js";
export { isTransientFailure, TRANSIENT_ERROR_CODES, TRANSIENT_MESSAGE } from "./transient-failure.js";
export { limiterFor } from "./rate-limit.js";
export { perExpertSetting } from "./per-expert-setting.js";
export { createExpertWorker, handBackRunningJobs, HAND_BACK_REASON, TransientExpertFailure, type ExpertWorkerOptions } from "./expert-worker.js";
export { startExpertWorkers, ExpertWorkerPool, type ExpertWorkerPoolOptions, type WorkerPoolEvent } from "./worker-pool.js";
export { discoverExpertQueues, scanKeys, escapeGlob } from "./queue-discovery.js";
export { type Redis, type Cluster } from "ioredis";
