import { worstStatus } from "@/lib/domain/vocabulary";
import { mapEnum } from "./provider";
import type { SpComponent, SpIncident, SpMaintenance } from "./statuspage-schema";
import { toUtc, toUtcOrNull } from "./time";
import type { SnapshotComponent, SnapshotIncident, SnapshotMaintenance } from "./types";
import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

export const INDICATOR: Record<string, Status> = {
  none: "operational",
  minor: "degraded",
  major: "partial_outage",
  critical: "major_outage",
  maintenance: "maintenance",
};
export const COMPONENT_STATUS: Record<string, Status> = {
  operational: "operational",
  degraded_performance: "degraded",
  partial_outage: "partial_outage",
  major_outage: "major_outage",
  full_outage: "major_outage", // incident.io spelling
  under_maintenance: "maintenance",
};
const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  postmortem: "postmortem",
};
// An unknown impact is "minor", never "none": we must not hide something we do not understand.
const IMPACT: Record<string, Impact> = {
  none: "none",
  minor: "minor",
  major: "major",
  critical: "critical",
  maintenance: "none",
};
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: "scheduled",
  in_progress: "in_progress",
  verifying: "in_progress",
  completed: "completed",
};

/** GitHub's "Visit www.githubstatus.com for more information" row is decoration (docs/providers.md, "GitHub"). */
const DECORATIVE = /^visit .+ for more information\.?$/i;

export function mapComponents(rows: readonly SpComponent[]): SnapshotComponent[] {
  const groupNames = new Map(rows.filter((c) => c.group).map((c) => [c.id, c.name]));
  return rows
    .filter((c) => !c.group && !DECORATIVE.test(c.name.trim()))
    .map((c) => ({
      id: c.id,
      name: c.name,
      group: c.group_id ? (groupNames.get(c.group_id) ?? null) : null,
      status: mapEnum(COMPONENT_STATUS, c.status, "unknown"),
    }));
}

export function pageStatus(indicator: string | undefined, components: readonly SnapshotComponent[]): Status {
  if (indicator !== undefined && Object.hasOwn(INDICATOR, indicator)) return INDICATOR[indicator] ?? "unknown";
  return worstStatus(components.map((c) => c.status));
}

function componentIds(i: SpIncident): string[] {
  const ids = new Set<string>((i.components ?? []).map((c) => c.id));
  if (ids.size === 0) {
    for (const u of i.incident_updates ?? []) for (const a of u.affected_components ?? []) if (a?.code) ids.add(a.code);
  }
  return [...ids];
}

function incidentUrl(i: SpIncident, baseUrl: string | undefined): string | null {
  if (i.shortlink) return i.shortlink;
  return baseUrl ? `${baseUrl.replace(/\/+$/, "")}/incidents/${i.id}` : null;
}

export function mapIncident(i: SpIncident, baseUrl: string | undefined): SnapshotIncident {
  return {
    id: i.id,
    title: i.name,
    status: mapEnum(INCIDENT_STATUS, i.status, "investigating"),
    impact: mapEnum(IMPACT, i.impact, "minor"),
    startedAt: toUtc(i.started_at ?? i.created_at),
    resolvedAt: toUtcOrNull(i.resolved_at),
    url: incidentUrl(i, baseUrl),
    componentIds: componentIds(i),
    updates: (i.incident_updates ?? []).map((u) => ({
      status: mapEnum(INCIDENT_STATUS, u.status, "investigating"),
      body: u.body ?? "",
      at: toUtc(u.display_at ?? u.created_at),
    })),
  };
}

export function mapMaintenance(m: SpMaintenance): SnapshotMaintenance {
  return {
    id: m.id,
    title: m.name,
    status: mapEnum(MAINTENANCE_STATUS, m.status, "scheduled"),
    scheduledFor: toUtcOrNull(m.scheduled_for ?? m.started_at),
    scheduledUntil: toUtcOrNull(m.scheduled_until),
    componentIds: componentIds(m),
  };
}

/** Later lists win for ids present in several (incidents.json is fresher than summary.json). */
export function mergeById<T extends { id: string }>(...lists: ReadonlyArray<readonly T[] | null | undefined>): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const item of list ?? []) byId.set(item.id, item);
  return [...byId.values()];
}
