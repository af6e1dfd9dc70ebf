import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { StoredState } from "@/lib/monitor/changes";
import type { Snapshot } from "@/lib/providers/types";

type Tx = Prisma.TransactionClient;

/** The stored side of a diff: live components, open incidents plus any the snapshot names, and maintenances. */
export async function loadStoredState(
  vendorId: string,
  snapshot: Snapshot,
  client: Tx | typeof db = db,
): Promise<StoredState> {
  const incidentIds = snapshot.incidents.map((i) => i.id);
  const maintenanceIds = snapshot.maintenances.map((m) => m.id);
  const [components, incidents, maintenances] = await Promise.all([
    client.component.findMany({
      where: { vendorId },
      select: { providerId: true, name: true, group: true, status: true, position: true, removedAt: true },
    }),
    client.incident.findMany({
      where: {
        vendorId,
        OR: [{ resolvedAt: null, status: { notIn: ["resolved", "postmortem"] } }, { providerId: { in: incidentIds } }],
      },
      select: {
        providerId: true,
        title: true,
        status: true,
        impact: true,
        startedAt: true,
        resolvedAt: true,
        url: true,
        components: { select: { component: { select: { providerId: true } } } },
        updates: { select: { key: true } },
      },
    }),
    client.maintenance.findMany({
      where: { vendorId, OR: [{ status: { not: "completed" } }, { providerId: { in: maintenanceIds } }] },
      select: {
        providerId: true,
        title: true,
        status: true,
        scheduledFor: true,
        scheduledUntil: true,
        components: { select: { component: { select: { providerId: true } } } },
      },
    }),
  ]);
  return {
    components: components.map(({ removedAt, ...c }) => ({ ...c, removed: removedAt !== null })),
    incidents: incidents.map(({ components: links, updates, ...i }) => ({
      ...i,
      componentIds: links.map((l) => l.component.providerId),
      updateKeys: updates.map((u) => u.key),
    })),
    maintenances: maintenances.map(({ components: links, ...m }) => ({
      ...m,
      componentIds: links.map((l) => l.component.providerId),
    })),
  };
}
