import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Change } from "@/lib/monitor/changes";
import { updateKey } from "@/lib/monitor/diff";
import type { Validators } from "@/lib/providers";
import type { Snapshot, SnapshotIncident, SnapshotMaintenance } from "@/lib/providers/types";

type Tx = Prisma.TransactionClient;

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
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

async function componentIdMap(tx: Tx, vendorId: string): Promise<Map<string, string>> {
  const rows = await tx.component.findMany({ where: { vendorId }, select: { id: true, providerId: true } });
  return new Map(rows.map((r) => [r.providerId, r.id]));
}

async function setStatusInterval(tx: Tx, componentId: string, status: Prisma.ComponentStatusIntervalCreateManyInput["status"] | null, now: Date) {
  await tx.componentStatusInterval.updateMany({ where: { componentId, endedAt: null }, data: { endedAt: now } });
  if (status) await tx.componentStatusInterval.create({ data: { componentId, status, startedAt: now } });
}

function incidentData(inc: SnapshotIncident, now: Date) {
  const closed = inc.status === "resolved" || inc.status === "postmortem";
  const lastUpdate = inc.updates.reduce<number>((t, u) => Math.max(t, new Date(u.at).getTime()), new Date(inc.startedAt).getTime());
  return {
    title: inc.title,
    status: inc.status,
    impact: inc.impact,
    startedAt: new Date(inc.startedAt),
    resolvedAt: date(inc.resolvedAt) ?? (closed ? now : null),
    updatedAt: new Date(lastUpdate),
    url: inc.url,
    raw: inc as unknown as Prisma.InputJsonValue,
  };
}

async function writeIncident(tx: Tx, vendorId: string, inc: SnapshotIncident, ids: Map<string, string>, now: Date) {
  const data = incidentData(inc, now);
  const row = await tx.incident.upsert({
    where: { vendorId_providerId: { vendorId, providerId: inc.id } },
    create: { vendorId, providerId: inc.id, ...data },
    update: data,
    select: { id: true },
  });
  await tx.incidentUpdate.createMany({
    data: inc.updates.map((u) => ({ incidentId: row.id, status: u.status, body: u.body, at: new Date(u.at), key: updateKey(u) })),
    skipDuplicates: true,
  });
  const componentIds = inc.componentIds.map((c) => ids.get(c)).filter((c): c is string => Boolean(c));
  await tx.incidentComponent.deleteMany({ where: { incidentId: row.id, componentId: { notIn: componentIds } } });
  await tx.incidentComponent.createMany({ data: componentIds.map((componentId) => ({ incidentId: row.id, componentId })), skipDuplicates: true });
}

async function writeMaintenance(tx: Tx, vendorId: string, m: SnapshotMaintenance, ids: Map<string, string>) {
  const data = { title: m.title, status: m.status, scheduledFor: date(m.scheduledFor), scheduledUntil: date(m.scheduledUntil) };
  const row = await tx.maintenance.upsert({
    where: { vendorId_providerId: { vendorId, providerId: m.id } },
    create: { vendorId, providerId: m.id, ...data },
    update: data,
    select: { id: true },
  });
  const componentIds = m.componentIds.map((c) => ids.get(c)).filter((c): c is string => Boolean(c));
  await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: row.id, componentId: { notIn: componentIds } } });
  await tx.maintenanceComponent.createMany({ data: componentIds.map((componentId) => ({ maintenanceId: row.id, componentId })), skipDuplicates: true });
}

type ComponentUpsert = Extract<Change, { kind: "component.upsert" }>;
type IncidentUpsert = Extract<Change, { kind: "incident.upsert" }>;

/** Components first seen are inserted in bulk (a first poll may bring hundreds); others updated. */
async function writeComponents(tx: Tx, vendorId: string, changes: Change[], now: Date): Promise<Map<string, string>> {
  const upserts = changes.filter((c): c is ComponentUpsert => c.kind === "component.upsert");
  const known = await componentIdMap(tx, vendorId);
  const fresh = upserts.filter((c) => !known.has(c.component.id));
  if (fresh.length) {
    await tx.component.createMany({
      data: fresh.map(({ component: c, position }) => ({ vendorId, providerId: c.id, name: c.name, group: c.group, status: c.status, position })),
      skipDuplicates: true,
    });
  }
  for (const change of upserts) {
    const id = known.get(change.component.id);
    if (!id) continue;
    const c = change.component;
    await tx.component.update({ where: { id }, data: { name: c.name, group: c.group, status: c.status, position: change.position, removedAt: null } });
    if (change.from !== c.status) await setStatusInterval(tx, id, c.status, now);
  }
  if (!fresh.length) return known;
  const ids = await componentIdMap(tx, vendorId);
  await tx.componentStatusInterval.createMany({
    data: fresh.flatMap(({ component: c }) => {
      const componentId = ids.get(c.id);
      return componentId ? [{ componentId, status: c.status, startedAt: now }] : [];
    }),
  });
  return ids;
}

/** New incidents, their updates and component links in three statements, however many there are. */
async function createIncidents(tx: Tx, vendorId: string, changes: Change[], ids: Map<string, string>, now: Date): Promise<void> {
  const fresh = changes.filter((c): c is IncidentUpsert => c.kind === "incident.upsert" && c.previous === null).map((c) => c.incident);
  if (!fresh.length) return;
  await tx.incident.createMany({ data: fresh.map((inc) => ({ vendorId, providerId: inc.id, ...incidentData(inc, now) })), skipDuplicates: true });
  const rows = await tx.incident.findMany({ where: { vendorId, providerId: { in: fresh.map((i) => i.id) } }, select: { id: true, providerId: true } });
  const incidentIds = new Map(rows.map((r) => [r.providerId, r.id]));
  await tx.incidentUpdate.createMany({
    data: fresh.flatMap((inc) => {
      const incidentId = incidentIds.get(inc.id);
      return incidentId ? inc.updates.map((u) => ({ incidentId, status: u.status, body: u.body, at: new Date(u.at), key: updateKey(u) })) : [];
    }),
    skipDuplicates: true,
  });
  await tx.incidentComponent.createMany({
    data: fresh.flatMap((inc) => {
      const incidentId = incidentIds.get(inc.id);
      return inc.componentIds.flatMap((c) => {
        const componentId = ids.get(c);
        return incidentId && componentId ? [{ incidentId, componentId }] : [];
      });
    }),
    skipDuplicates: true,
  });
}

/** The event payload: enough to notify without another read. */
export function eventPayload(change: Change, vendor: CommitInput["vendor"], now: Date): Prisma.InputJsonValue {
  const base = { vendorId: vendor.id, vendorSlug: vendor.slug, vendorName: vendor.name, detectedAt: now.toISOString() };
  switch (change.kind) {
    case "component.upsert":
      return { ...base, componentId: change.component.id, componentName: change.component.name, group: change.component.group, from: change.from, to: change.component.status };
    case "component.removed":
      return { ...base, componentId: change.providerId, componentName: change.name, from: change.from };
    case "incident.upsert":
      return { ...base, incident: { ...change.incident, updates: change.newUpdates }, previous: change.previous } as unknown as Prisma.InputJsonValue;
    case "incident.vanished":
      return { ...base, incident: { id: change.providerId, title: change.title } };
    case "maintenance.upsert":
      return { ...base, maintenance: { ...change.maintenance }, previous: change.previous } as unknown as Prisma.InputJsonValue;
    case "maintenance.completed":
      return { ...base, maintenance: { id: change.providerId, title: change.title } };
  }
}

/**
 * Writes one poll's changes, the vendor's new poll state and the outbox rows for the events,
 * in one transaction. The vendor row is updated only if its content hash is still the one the
 * diff started from, so two polls racing on a vendor cannot both apply. The first successful
 * poll of a vendor is its baseline: written, but not news, so it emits no events.
 */
export async function commitPoll(input: CommitInput): Promise<Change[]> {
  const { vendor, snapshot, changes, now } = input;
  const baseline = vendor.lastSuccessAt === null;
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.vendor.updateMany({
        where: { id: vendor.id, contentHash: vendor.contentHash },
        data: {
          status: snapshot.status,
          contentHash: input.contentHash,
          fetchValidators: input.validators as Prisma.InputJsonValue,
          lastCheckedAt: now,
          lastSuccessAt: now,
          lastError: null,
          consecutiveFailures: 0,
          ...(changes.length ? { lastChangedAt: now } : {}),
        },
      });
      if (claimed.count === 0) throw new ConcurrentPollError(`vendor ${vendor.slug} changed under this poll`);

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
          await tx.maintenance.update({ where: { vendorId_providerId: { vendorId: vendor.id, providerId: change.providerId } }, data: { status: "completed" } });
        }
      }

      const events = baseline ? [] : changes.filter((c) => c.event !== null);
      if (events.length) {
        await tx.notificationOutbox.createMany({
          data: events.map((c) => ({ idempotencyKey: c.key, event: c.event as string, vendorId: vendor.id, payload: eventPayload(c, vendor, now) })),
          skipDuplicates: true,
        });
      }
      await tx.pollRun.create({ data: { vendorId: vendor.id, startedAt: now, durationMs: 0, outcome: "changed", changeCount: changes.length } });
      return changes;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
