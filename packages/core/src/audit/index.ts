/** @kyocho/core/audit — the audit trail's entries and the sink they are written to (the file log is in @kyocho/models). */
export {
  sha256,
  assessmentAuditEntry,
  type AuditEntry,
  type AuditSink,
  type ModelCallAuditEntry,
  type ExpertAnswerAuditEntry,
  type AssessmentAuditEntry,
  type ModelCallOutcome,
  type TokenUsage,
} from "./audit-entry.js";
