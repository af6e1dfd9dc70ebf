import type { Prisma } from "@/lib/generated/prisma/client";
import type { FullIncident, FullMaintenance, PollChange } from "@/lib/notify/changes";
import type { Memory, PlanInput } from "@/lib/notify/plan";

type Tx = Prisma.TransactionClient;

/** Everything planPoll needs about a vendor beyond the poll's own changes, read in the fan-out transaction. */
export async function loadPlanContext(
  tx: Tx,
  vendorId: string,
  changes: PollChange[],
  detectedAt: Date,
): Promise<Omit<PlanInput, "changes" | "detectedAt"> & { byProviderId: Map<string, string> }> {
  const [components, memoryRows, openIncidents, resolved] = await Promise.all([
    tx.component.findMany({ where: { vendorId }, select: { id: true, providerId: true, name: true } }),
    tx.alertMemory.findMany({ where: { vendorId } }),
    tx.incident.findMany({
      where: { vendorId, resolvedAt: null, status: { notIn: ["resolved", "postmortem"] } },
      select: { components: { select: { component: { select: { providerId: true } } } } },
    }),
    tx.incident.findMany({
      where: { vendorId, resolvedAt: { gte: new Date(detectedAt.getTime() - 30 * 60_000) } },
      select: { providerId: true, title: true },
    }),
  ]);
  const stubIncidents = changes.flatMap((c) =>
    c.kind === "incident" && !("status" in c.incident) ? [c.incident.id] : [],
  );
  const stubMaintenances = changes.flatMap((c) =>
    c.kind === "maintenance" && !("status" in c.maintenance) ? [c.maintenance.id] : [],
  );
  const idOf = new Map(components.map((c) => [c.id, c.providerId]));
  const incidents = new Map<string, FullIncident>();
  if (stubIncidents.length) {
    const rows = await tx.incident.findMany({
      where: { vendorId, providerId: { in: stubIncidents } },
      include: { components: { select: { componentId: true } } },
    });
    for (const r of rows)
      incidents.set(r.providerId, {
        id: r.providerId,
        title: r.title,
        status: r.status,
        impact: r.impact,
        startedAt: r.startedAt.toISOString(),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        url: r.url,
        componentIds: r.components.map((c) => idOf.get(c.componentId)).filter((c): c is string => Boolean(c)),
        updates: [],
      });
  }
  const maintenances = new Map<string, FullMaintenance>();
  if (stubMaintenances.length) {
    const rows = await tx.maintenance.findMany({
      where: { vendorId, providerId: { in: stubMaintenances } },
      include: { components: { select: { componentId: true } } },
    });
    for (const r of rows)
      maintenances.set(r.providerId, {
        id: r.providerId,
        title: r.title,
        status: r.status,
        scheduledFor: r.scheduledFor?.toISOString() ?? null,
        scheduledUntil: r.scheduledUntil?.toISOString() ?? null,
        componentIds: r.components.map((c) => idOf.get(c.componentId)).filter((c): c is string => Boolean(c)),
      });
  }
  const createdIds = new Set(
    changes.flatMap((c) => (c.kind === "incident" && c.event === "created" ? [c.incident.id] : [])),
  );
  const memory = new Map<string, Memory>(
    memoryRows.map((m) => [
      m.subject,
      { lastAlertAt: m.lastAlertAt, status: m.status, peak: m.peak, settleAt: m.settleAt },
    ]),
  );
  return {
    memory,
    componentNames: new Map(components.map((c) => [c.providerId, c.name])),
    byProviderId: new Map(components.map((c) => [c.providerId, c.id])),
    openIncidentComponents: new Set(openIncidents.flatMap((i) => i.components.map((c) => c.component.providerId))),
    incidents,
    maintenances,
    recentlyResolvedTitles: new Set(
      resolved.filter((r) => !createdIds.has(r.providerId)).map((r) => r.title.trim().toLowerCase()),
    ),
  };
}

/** Writes back what changed in alert memory, in one statement (a handful of rows per poll). */
export async function saveMemory(tx: Tx, vendorId: string, before: Map<string, Memory>, after: Map<string, Memory>) {
  const same = (a: Memory | undefined, b: Memory) =>
    a !== undefined &&
    a.lastAlertAt.getTime() === b.lastAlertAt.getTime() &&
    a.status === b.status &&
    a.peak === b.peak &&
    (a.settleAt?.getTime() ?? null) === (b.settleAt?.getTime() ?? null);
  const changed = [...after].filter(([subject, m]) => !same(before.get(subject), m));
  if (!changed.length) return;
  const rows = changed.map(([subject, m]) => ({
    subject,
    lastAlertAt: m.lastAlertAt.toISOString(),
    status: m.status,
    peak: m.peak,
    settleAt: m.settleAt?.toISOString() ?? null,
  }));
  await tx.$executeRaw`
    INSERT INTO "AlertMemory" ("vendorId", subject, "lastAlertAt", status, peak, "settleAt")
    SELECT ${vendorId}, r.subject, r."lastAlertAt"::timestamp, r.status, r.peak, r."settleAt"::timestamp
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(subject text, "lastAlertAt" text, status text, peak int, "settleAt" text)
    ON CONFLICT ("vendorId", subject) DO UPDATE SET
      "lastAlertAt" = excluded."lastAlertAt", status = excluded.status, peak = excluded.peak, "settleAt" = excluded."settleAt"`;
}
