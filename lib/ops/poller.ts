import { randomBytes } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";

export type PollerKind = "scheduler" | "worker" | "inngest" | "cli";

const log = logger("poller");

/**
 * This process's poller row: `record()` marks a completed poll cycle (at most every `everyMs`,
 * so a busy scheduler writes one tiny row every few seconds, not one per poll). A cycle is
 * complete when the poller made progress or had nothing due; a poller whose every slot is stuck
 * records nothing, and the dead-man's switch notices.
 */
export class PollerRecord {
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private last = 0;

  constructor(
    readonly kind: PollerKind,
    private readonly everyMs = 5000,
  ) {}

  async record(at = new Date(), force = false): Promise<boolean> {
    if (!force && at.getTime() - this.last < this.everyMs) return false;
    this.last = at.getTime();
    await db.poller.upsert({
      where: { id: this.id },
      create: { id: this.id, kind: this.kind, host: os.hostname(), pid: process.pid, lastCycleAt: at },
      update: { lastCycleAt: at, stoppedAt: null },
    });
    return true;
  }

  /** Best effort: a poller that cannot say it stopped simply ages out. */
  async stopped(): Promise<void> {
    await db.poller
      .update({ where: { id: this.id }, data: { stoppedAt: new Date() } })
      .catch((err: unknown) => log.warn("poller.stop_not_recorded", { err }));
  }
}

const shared = new Map<PollerKind, PollerRecord>();

/** One record per kind and process (the Inngest sweep and CLI runs share theirs). */
export function pollerRecord(kind: PollerKind): PollerRecord {
  let record = shared.get(kind);
  if (!record) shared.set(kind, (record = new PollerRecord(kind)));
  return record;
}

/** The latest completed cycle of any poller, fleet-wide. */
export async function lastPollCycle(): Promise<Date | null> {
  const row = await db.poller.findFirst({ orderBy: { lastCycleAt: "desc" }, select: { lastCycleAt: true } });
  return row?.lastCycleAt ?? null;
}
