/**
 * @kyocho/batch — resumable JSONL batches: read the lines, assess each
 * through any executor, append results, and pick up where a crash left off.
 * Loads no queue: `@kyocho/queue` supplies an executor when work goes to
 * Redis.
 */
export { readBatchLines, type BatchLine } from "./batch-lines.js";
export { BatchLineSchema, parseBatchLine, batchKey, type BatchId, type BatchItem, type BatchLineError, type BatchLineContext } from "./batch-input.js";
export { readExistingOutput, BatchOutputWriter, type BatchRecord, type ExistingOutput } from "./batch-output.js";
export { runBatch, checkBatchFiles, countBatchLines, type BatchRunOptions, type BatchProgress, type BatchSummary } from "./batch-runner.js";
