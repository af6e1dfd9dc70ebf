import { type Heartbeat, writeHeartbeats } from "@/lib/monitor/poll-state";
import { type PollRunRecord, insertPollRuns } from "@/lib/monitor/poll-runs";

/**
 * Collects what unchanged and failed polls leave behind, the vendor's poll state and the poll's
 * run, and writes each kind with one statement per flush instead of one or two per poll.
 */
export class HeartbeatBuffer {
  private pending = new Map<string, Heartbeat>();
  private failures = new Map<string, number>();
  private runs: PollRunRecord[] = [];

  add(beat: Heartbeat): void {
    const previous = this.pending.get(beat.vendorId);
    // Two failures of one vendor inside one flush window still count as two.
    if (!beat.ok) this.failures.set(beat.vendorId, (this.failures.get(beat.vendorId) ?? 0) + 1);
    else this.failures.delete(beat.vendorId);
    this.pending.set(beat.vendorId, { ...beat, validators: beat.validators ?? previous?.validators ?? null });
  }

  /** Every poll's run, one each, however many polls of a vendor share a flush. */
  record(run: PollRunRecord): void {
    this.runs.push(run);
  }

  get size(): number {
    return this.pending.size;
  }

  async flush(): Promise<number> {
    const beats = [...this.pending.values()].map((b) => ({ ...b, failures: this.failures.get(b.vendorId) ?? 0 }));
    const runs = this.runs;
    this.pending.clear();
    this.failures.clear();
    this.runs = [];
    await writeHeartbeats(beats);
    await insertPollRuns(runs);
    return beats.length;
  }
}
