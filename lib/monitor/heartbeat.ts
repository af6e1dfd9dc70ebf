import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Poll state of a poll that changed nothing we store: written in batches, not one UPDATE a poll. */
export interface Heartbeat {
  vendorId: string;
  checkedAt: Date;
  ok: boolean;
  error: string | null;
  validators: Prisma.InputJsonValue | null;
}

/**
 * Collects heartbeats and writes them with one UPDATE ... FROM (VALUES ...) per flush. A failure
 * increments consecutiveFailures and keeps every status as it was (fail soft).
 */
export class HeartbeatBuffer {
  private pending = new Map<string, Heartbeat>();
  private failures = new Map<string, number>();

  add(beat: Heartbeat): void {
    const previous = this.pending.get(beat.vendorId);
    // Two failures of one vendor inside one flush window still count as two.
    if (!beat.ok) this.failures.set(beat.vendorId, (this.failures.get(beat.vendorId) ?? 0) + 1);
    else this.failures.delete(beat.vendorId);
    this.pending.set(beat.vendorId, { ...beat, validators: beat.validators ?? previous?.validators ?? null });
  }

  get size(): number {
    return this.pending.size;
  }

  async flush(): Promise<number> {
    if (!this.pending.size) return 0;
    const beats = [...this.pending.values()];
    const failures = new Map(this.failures);
    this.pending.clear();
    this.failures.clear();
    const params: unknown[] = [];
    const rows = beats.map((b) => {
      const n = params.length;
      params.push(
        b.vendorId,
        b.checkedAt,
        b.ok,
        b.error,
        b.validators === null ? null : JSON.stringify(b.validators),
        failures.get(b.vendorId) ?? 0,
      );
      return `($${n + 1}, $${n + 2}::timestamptz, $${n + 3}::boolean, $${n + 4}, $${n + 5}::jsonb, $${n + 6}::int)`;
    });
    await db.$executeRawUnsafe(
      `UPDATE "Vendor" AS v SET
         "lastCheckedAt" = x.checked,
         "lastSuccessAt" = CASE WHEN x.ok THEN x.checked ELSE v."lastSuccessAt" END,
         "consecutiveFailures" = CASE WHEN x.ok THEN 0 ELSE v."consecutiveFailures" + x.failures END,
         "lastError" = CASE WHEN x.ok THEN NULL ELSE x.error END,
         "fetchValidators" = COALESCE(x.validators, v."fetchValidators"),
         "updatedAt" = now()
       FROM (VALUES ${rows.join(", ")}) AS x(id, checked, ok, error, validators, failures)
       WHERE v.id = x.id`,
      ...params,
    );
    return beats.length;
  }
}
