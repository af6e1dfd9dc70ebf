import { createHash } from "node:crypto";
import type { Change, StoredState } from "@/lib/monitor/changes";
import type { Snapshot, SnapshotIncident, SnapshotIncidentUpdate, SnapshotMaintenance } from "@/lib/providers/types";

const time = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());
const sameTime = (a: Date | null, b: string | null) => (a?.getTime() ?? null) === time(b);
/** Same set of ids, whatever the order either side lists them in. */
function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((x, i) => x === sortedB[i]);
}

/** Identity of an update as stored: a vendor editing nothing makes the same key every poll. */
export function updateKey(u: SnapshotIncidentUpdate): string {
  const body = createHash("sha256").update(u.body).digest("hex").slice(0, 16);
  return `${u.status}|${new Date(u.at).toISOString()}|${body}`;
}

const isClosed = (s: SnapshotIncident["status"]) => s === "resolved" || s === "postmortem";

function incidentChange(
  stored: StoredState["incidents"][number] | undefined,
  inc: SnapshotIncident,
  vendorKey: string,
  state: string,
): Change | null {
  const newUpdates = inc.updates.filter((u) => !stored?.updateKeys.includes(updateKey(u)));
  const base = { kind: "incident.upsert" as const, incident: inc, newUpdates };
  if (!stored) {
    return {
      ...base,
      event: "vendor/incident.created",
      key: `${vendorKey}:incident.created:${inc.id}`,
      previous: null,
    };
  }
  const previous = { status: stored.status, impact: stored.impact };
  const fieldsChanged =
    stored.title !== inc.title ||
    stored.url !== inc.url ||
    !sameTime(stored.startedAt, inc.startedAt) ||
    !sameTime(stored.resolvedAt, inc.resolvedAt) ||
    !sameIds(stored.componentIds, inc.componentIds);
  const statusChanged = stored.status !== inc.status;
  if (statusChanged && inc.status === "postmortem") {
    return {
      ...base,
      previous,
      event: "vendor/incident.postmortem",
      key: `${vendorKey}:incident.postmortem:${inc.id}`,
    };
  }
  if (statusChanged && isClosed(inc.status) && !isClosed(stored.status)) {
    return {
      ...base,
      previous,
      event: "vendor/incident.resolved",
      key: `${vendorKey}:incident.resolved:${inc.id}:${inc.resolvedAt ?? ""}`,
    };
  }
  if (statusChanged || stored.impact !== inc.impact || newUpdates.length) {
    // Without a new update the change is a status or impact that may recur: the state tells them apart.
    const what = newUpdates.length ? newUpdates.map(updateKey).join(",") : `${inc.status}/${inc.impact}@${state}`;
    const key = `${vendorKey}:incident.updated:${inc.id}:${createHash("sha256").update(what).digest("hex").slice(0, 16)}`;
    return { ...base, previous, event: "vendor/incident.updated", key };
  }
  return fieldsChanged ? { ...base, previous, event: null, key: `${vendorKey}:incident.edit:${inc.id}` } : null;
}

function maintenanceChange(
  stored: StoredState["maintenances"][number] | undefined,
  m: SnapshotMaintenance,
  vendorKey: string,
): Change | null {
  const base = { kind: "maintenance.upsert" as const, maintenance: m };
  const eventFor = {
    scheduled: "vendor/maintenance.scheduled",
    in_progress: "vendor/maintenance.started",
    completed: "vendor/maintenance.completed",
  } as const;
  if (!stored) {
    // A maintenance first seen already completed is history, not news.
    const event = m.status === "completed" ? null : eventFor[m.status];
    return { ...base, event, previous: null, key: `${vendorKey}:${event ?? "maintenance.seen"}:${m.id}` };
  }
  if (stored.status !== m.status) {
    return {
      ...base,
      event: eventFor[m.status],
      previous: stored.status,
      key: `${vendorKey}:${eventFor[m.status]}:${m.id}`,
    };
  }
  const edited =
    stored.title !== m.title ||
    !sameTime(stored.scheduledFor, m.scheduledFor) ||
    !sameTime(stored.scheduledUntil, m.scheduledUntil) ||
    !sameIds(stored.componentIds, m.componentIds);
  return edited
    ? { ...base, event: null, previous: stored.status, key: `${vendorKey}:maintenance.edit:${m.id}` }
    : null;
}

/**
 * Pure: what changed between what we stored and a new snapshot, in a stable order
 * (components, incidents, maintenances; each by provider id). `stateKey` names the stored state
 * (its content hash), so keys of transitions without a natural identity are deterministic too.
 */
export function diffSnapshot(
  stored: StoredState,
  snapshot: Snapshot,
  opts: { vendorId: string; stateKey: string; now: Date },
): Change[] {
  const changes: Change[] = [];
  const v = opts.vendorId;
  const state = opts.stateKey.slice(0, 16);

  const storedComponents = new Map(stored.components.map((c) => [c.providerId, c]));
  const seen = new Set<string>();
  snapshot.components.forEach((c, position) => {
    seen.add(c.id);
    const old = storedComponents.get(c.id);
    const statusChanged = old !== undefined && !old.removed && old.status !== c.status;
    const edited = !old || old.removed || old.name !== c.name || old.group !== c.group || old.position !== position;
    if (!statusChanged && !edited) return;
    changes.push({
      kind: "component.upsert",
      event: statusChanged ? "vendor/component.status_changed" : null,
      key: `${v}:component.${statusChanged ? "status_changed" : "edit"}:${c.id}:${old?.status ?? "new"}->${c.status}:${state}`,
      component: c,
      position,
      from: old && !old.removed ? old.status : null,
    });
  });
  for (const old of stored.components) {
    if (old.removed || seen.has(old.providerId)) continue;
    changes.push({
      kind: "component.removed",
      event: "vendor/component.removed",
      key: `${v}:component.removed:${old.providerId}:${state}`,
      providerId: old.providerId,
      name: old.name,
      from: old.status,
    });
  }

  const storedIncidents = new Map(stored.incidents.map((i) => [i.providerId, i]));
  const inSnapshot = new Set(snapshot.incidents.map((i) => i.id));
  for (const inc of [...snapshot.incidents].sort((a, b) => a.id.localeCompare(b.id))) {
    const change = incidentChange(storedIncidents.get(inc.id), inc, v, state);
    if (change) changes.push(change);
  }
  // An open incident that vanished from a page that lists open incidents was resolved there.
  for (const old of stored.incidents) {
    if (old.resolvedAt || isClosed(old.status) || inSnapshot.has(old.providerId)) continue;
    changes.push({
      kind: "incident.vanished",
      event: "vendor/incident.resolved",
      key: `${v}:incident.resolved:${old.providerId}:vanished`,
      providerId: old.providerId,
      title: old.title,
    });
  }

  const storedMaintenances = new Map(stored.maintenances.map((m) => [m.providerId, m]));
  const maintenanceIds = new Set(snapshot.maintenances.map((m) => m.id));
  for (const m of [...snapshot.maintenances].sort((a, b) => a.id.localeCompare(b.id))) {
    const change = maintenanceChange(storedMaintenances.get(m.id), m, v);
    if (change) changes.push(change);
  }
  // Pages drop finished maintenances from their summaries: one that was running, or whose
  // window has passed, is complete. A scheduled one that vanished early is left alone.
  for (const old of stored.maintenances) {
    if (old.status === "completed" || maintenanceIds.has(old.providerId)) continue;
    const windowOver = old.scheduledUntil !== null && old.scheduledUntil.getTime() <= opts.now.getTime();
    if (old.status !== "in_progress" && !windowOver) continue;
    changes.push({
      kind: "maintenance.completed",
      event: "vendor/maintenance.completed",
      key: `${v}:vendor/maintenance.completed:${old.providerId}`,
      providerId: old.providerId,
      title: old.title,
    });
  }
  return changes;
}
