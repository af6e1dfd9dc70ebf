import type { Prisma } from "@/lib/generated/prisma/client";
import type { Change } from "@/lib/monitor/changes";
import { updateKey } from "@/lib/monitor/diff";
import type { SnapshotIncident, SnapshotMaintenance } from "@/lib/providers/types";

/** Row writers for one poll's transaction (lib/monitor/persist.ts). */
type Tx = Prisma.TransactionClient;

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

export async function componentIdMap(tx: Tx, vendorId: string): Promise<Map<string, string>> {
  const rows = await tx.component.findMany({ where: { vendorId }, select: { id: true, providerId: true } });
  return new Map(rows.map((r) => [r.providerId, r.id]));
}

export async function setStatusInterval(
  tx: Tx,
  componentId: string,
  status: Prisma.ComponentStatusIntervalCreateManyInput["status"] | null,
  now: Date,
) {
  await tx.componentStatusInterval.updateMany({ where: { componentId, endedAt: null }, data: { endedAt: now } });
  if (status) await tx.componentStatusInterval.create({ data: { componentId, status, startedAt: now } });
}

export function incidentData(inc: SnapshotIncident, now: Date) {
  const closed = inc.status === "resolved" || inc.status === "postmortem";
  const lastUpdate = inc.updates.reduce<number>(
    (t, u) => Math.max(t, new Date(u.at).getTime()),
    new Date(inc.startedAt).getTime(),
  );
  return {
    title: inc.title,
    status: inc.status,
    impact: inc.impact,
    startedAt: new Date(inc.startedAt),
    resolvedAt: date(inc.resolvedAt) ?? (closed ? now : null),
    updatedAt: new Date(lastUpdate),
    url: inc.url,
    snapshot: inc as unknown as Prisma.InputJsonValue,
  };
}

export async function writeIncident(
  tx: Tx,
  vendorId: string,
  inc: SnapshotIncident,
  ids: Map<string, string>,
  now: Date,
) {
  const data = incidentData(inc, now);
  const row = await tx.incident.upsert({
    where: { vendorId_providerId: { vendorId, providerId: inc.id } },
    create: { vendorId, providerId: inc.id, ...data },
    update: data,
    select: { id: true },
  });
  await tx.incidentUpdate.createMany({
    data: inc.updates.map((u) => ({
      incidentId: row.id,
      status: u.status,
      body: u.body,
      at: new Date(u.at),
      key: updateKey(u),
    })),
    skipDuplicates: true,
  });
  const componentIds = inc.componentIds.map((c) => ids.get(c)).filter((c): c is string => Boolean(c));
  await tx.incidentComponent.deleteMany({ where: { incidentId: row.id, componentId: { notIn: componentIds } } });
  await tx.incidentComponent.createMany({
    data: componentIds.map((componentId) => ({ incidentId: row.id, componentId })),
    skipDuplicates: true,
  });
}

export async function writeMaintenance(tx: Tx, vendorId: string, m: SnapshotMaintenance, ids: Map<string, string>) {
  const data = {
    title: m.title,
    status: m.status,
    scheduledFor: date(m.scheduledFor),
    scheduledUntil: date(m.scheduledUntil),
  };
  const row = await tx.maintenance.upsert({
    where: { vendorId_providerId: { vendorId, providerId: m.id } },
    create: { vendorId, providerId: m.id, ...data },
    update: data,
    select: { id: true },
  });
  const componentIds = m.componentIds.map((c) => ids.get(c)).filter((c): c is string => Boolean(c));
  await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: row.id, componentId: { notIn: componentIds } } });
  await tx.maintenanceComponent.createMany({
    data: componentIds.map((componentId) => ({ maintenanceId: row.id, componentId })),
    skipDuplicates: true,
  });
}

type ComponentUpsert = Extract<Change, { kind: "component.upsert" }>;
type IncidentUpsert = Extract<Change, { kind: "incident.upsert" }>;

/** Components first seen are inserted in bulk (a first poll may bring hundreds); others updated. */
export async function writeComponents(
  tx: Tx,
  vendorId: string,
  changes: Change[],
  now: Date,
): Promise<Map<string, string>> {
  const upserts = changes.filter((c): c is ComponentUpsert => c.kind === "component.upsert");
  const known = await componentIdMap(tx, vendorId);
  const fresh = upserts.filter((c) => !known.has(c.component.id));
  if (fresh.length) {
    await tx.component.createMany({
      data: fresh.map(({ component: c, position }) => ({
        vendorId,
        providerId: c.id,
        name: c.name,
        group: c.group,
        status: c.status,
        position,
      })),
      skipDuplicates: true,
    });
  }
  for (const change of upserts) {
    const id = known.get(change.component.id);
    if (!id) continue;
    const c = change.component;
    await tx.component.update({
      where: { id },
      data: { name: c.name, group: c.group, status: c.status, position: change.position, removedAt: null },
    });
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
export async function createIncidents(
  tx: Tx,
  vendorId: string,
  changes: Change[],
  ids: Map<string, string>,
  now: Date,
): Promise<void> {
  const fresh = changes
    .filter((c): c is IncidentUpsert => c.kind === "incident.upsert" && c.previous === null)
    .map((c) => c.incident);
  if (!fresh.length) return;
  await tx.incident.createMany({
    data: fresh.map((inc) => ({ vendorId, providerId: inc.id, ...incidentData(inc, now) })),
    skipDuplicates: true,
  });
  const rows = await tx.incident.findMany({
    where: { vendorId, providerId: { in: fresh.map((i) => i.id) } },
    select: { id: true, providerId: true },
  });
  const incidentIds = new Map(rows.map((r) => [r.providerId, r.id]));
  await tx.incidentUpdate.createMany({
    data: fresh.flatMap((inc) => {
      const incidentId = incidentIds.get(inc.id);
      return incidentId
        ? inc.updates.map((u) => ({
            incidentId,
            status: u.status,
            body: u.body,
            at: new Date(u.at),
            key: updateKey(u),
          }))
        : [];
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
