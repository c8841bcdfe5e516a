import type { AuditEntry, AuditSink } from "@kyocho/core";

/**
 * An audit sink that keeps entries in memory, for tests that assert what
 * was audited without a file.
 *
 * @example
 * const audit = new MemoryAuditSink();
 * await expert.run(request, { model, audit });
 * expect(audit.ofKind("expert_answer")[0].outcome).toBe("accepted");
 */
export class MemoryAuditSink implements AuditSink {
  readonly entries: AuditEntry[] = [];

  write(entry: AuditEntry): void {
    this.entries.push(structuredClone(entry));
  }

  ofKind<K extends AuditEntry["kind"]>(kind: K): Array<Extract<AuditEntry, { kind: K }>> {
    return this.entries.filter((e): e is Extract<AuditEntry, { kind: K }> => e.kind === kind);
  }
}
