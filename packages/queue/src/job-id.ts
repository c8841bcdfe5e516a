/**
 * Separates the assessment id from the task id in a job id.
 *
 * @example
 * `${assessmentId}${JOB_ID_SEPARATOR}${taskId}` // "a-3f9c0e@lending" (see jobIdFor for the escaping)
 */
export const JOB_ID_SEPARATOR = "@";

/**
 * The deterministic BullMQ job id of one sub-task: `<assessment id>@<task id>`.
 * The same question, case and policy always give the same assessment id, so a
 * retried or re-submitted question addresses the same jobs and BullMQ refuses
 * to add them twice.
 *
 * BullMQ rejects custom ids that contain `:` or that read as integers; both
 * parts are percent-encoded (`:` → `%3A`, `@` → `%40`, `%` → `%25`) so every
 * (assessment, task) pair maps to exactly one valid id, and ids made only of
 * letters, digits, `-`, `_` and `.` read unchanged.
 *
 * @example
 * jobIdFor("a-3f9c0e", "lending")   // "a-3f9c0e@lending"
 * jobIdFor("a-1", "fx:2")           // "a-1@fx%3A2"
 */
export function jobIdFor(assessmentId: string, taskId: string): string {
  return `${encodeURIComponent(assessmentId)}${JOB_ID_SEPARATOR}${encodeURIComponent(taskId)}`;
}

/**
 * The assessment and task ids a job id was made from, or `undefined` for an
 * id that {@link jobIdFor} did not make.
 *
 * @example
 * parseJobId("a-3f9c0e@lending") // { assessmentId: "a-3f9c0e", taskId: "lending" }
 */
export function parseJobId(jobId: string): { assessmentId: string; taskId: string } | undefined {
  const parts = jobId.split(JOB_ID_SEPARATOR);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  try {
    return { assessmentId: decodeURIComponent(parts[0]), taskId: decodeURIComponent(parts[1]) };
  } catch {
    return undefined;
  }
}
