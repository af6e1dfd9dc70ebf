import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Change } from "@/lib/monitor/changes";
import {
  createIncidents,
  setStatusInterval,
  writeComponents,
  writeIncident,
  writeMaintenance,
} from "@/lib/monitor/persist-rows";
import { createPollRun, type PollRunRecord } from "@/lib/monitor/poll-runs";
import { recordSuccess } from "@/lib/monitor/poll-state";
import type { Validators } from "@/lib/providers";
import type { Snapshot } from "@/lib/providers/types";

/** Another poll of the same vendor committed first; this one's diff is stale and was rolled back. */
export class ConcurrentPollError extends Error {
  override name = "ConcurrentPollError";
}

export interface CommitInput {
  vendor: { id: string; slug: string; name: string; contentHash: string | null; lastSuccessAt: Date | null };
  snapshot: Snapshot;
  changes: Change[];
  contentHash: string;
  validators: Validators;
  now: Date;
  /** The poll as measured, for its run (written with the changes). */
  run: Pick<PollRunRecord, "startedAt" | "durationMs" | "httpStatus" | "bytes" | "error">;
}

/** The event payload: enough to notify without another read. */
export function eventPayload(change: Change, vendor: CommitInput["vendor"], now: Date): Prisma.InputJsonValue {
  const base = { vendorId: vendor.id, vendorSlug: vendor.slug, vendorName: vendor.name, detectedAt: now.toISOString() };
  switch (change.kind) {
    case "component.upsert":
      return {
        ...base,
        componentId: change.component.id,
        componentName: change.component.name,
        group: change.component.group,
        from: change.from,
        to: change.component.status,
      };
    case "component.removed":
      return { ...base, componentId: change.providerId, componentName: change.name, from: change.from };
    case "incident.upsert":
      return {
        ...base,
        incident: { ...change.incident, updates: change.newUpdates },
        previous: change.previous,
      } as unknown as Prisma.InputJsonValue;
    case "incident.vanished":
      return { ...base, incident: { id: change.providerId, title: change.title } };
    case "maintenance.upsert":
      return {
        ...base,
        maintenance: { ...change.maintenance },
        previous: change.previous,
      } as unknown as Prisma.InputJsonValue;
    case "maintenance.completed":
      return { ...base, maintenance: { id: change.providerId, title: change.title } };
  }
}

/**
 * Writes one poll's changes, the vendor's new poll state, the outbox rows for the events and the
 * poll's run, in one transaction. The vendor row is updated only if its content hash is still the
 * one the diff started from, so two polls racing on a vendor cannot both apply. The first successful
 * poll of a vendor is its baseline: written, but not news, so it emits no events.
 */
export async function commitPoll(input: CommitInput): Promise<Change[]> {
  const { vendor, snapshot, changes, now } = input;
  const baseline = vendor.lastSuccessAt === null;
  return db.$transaction(
    async (tx) => {
      const applied = await recordSuccess(tx, vendor, {
        status: snapshot.status,
        contentHash: input.contentHash,
        validators: input.validators as Prisma.InputJsonValue,
        changed: changes.length > 0,
        now,
      });
      if (!applied) throw new ConcurrentPollError(`vendor ${vendor.slug} changed under this poll`);

      const ids = await writeComponents(tx, vendor.id, changes, now);
      await createIncidents(tx, vendor.id, changes, ids, now);
      for (const change of changes) {
        if (change.kind === "component.removed") {
          const id = ids.get(change.providerId);
          if (!id) continue;
          await tx.component.update({ where: { id }, data: { removedAt: now } });
          await setStatusInterval(tx, id, null, now);
        } else if (change.kind === "incident.upsert" && change.previous !== null) {
          await writeIncident(tx, vendor.id, change.incident, ids, now);
        } else if (change.kind === "incident.vanished") {
          await tx.incident.update({
            where: { vendorId_providerId: { vendorId: vendor.id, providerId: change.providerId } },
            data: { status: "resolved", resolvedAt: now, updatedAt: now },
          });
        } else if (change.kind === "maintenance.upsert") {
          await writeMaintenance(tx, vendor.id, change.maintenance, ids);
        } else if (change.kind === "maintenance.completed") {
          await tx.maintenance.update({
            where: { vendorId_providerId: { vendorId: vendor.id, providerId: change.providerId } },
            data: { status: "completed" },
          });
        }
      }

      const events = baseline ? [] : changes.filter((c) => c.event !== null);
      if (events.length) {
        // One poll's events travel together, so each subscriber hears about them in one message.
        const pollId = randomUUID();
        await tx.notificationOutbox.createMany({
          data: events.map((c) => ({
            idempotencyKey: c.key,
            event: c.event as string,
            vendorId: vendor.id,
            pollId,
            payload: eventPayload(c, vendor, now),
          })),
          skipDuplicates: true,
        });
      }
      await createPollRun(tx, { ...input.run, vendorId: vendor.id, outcome: "changed", changeCount: changes.length });
      return changes;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
