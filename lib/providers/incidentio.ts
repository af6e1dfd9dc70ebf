import { worstImpact, worstStatus } from "@/lib/domain/vocabulary";
import {
  ParseError,
  mapEnum,
  onlyListedComponents,
  parseJson,
  under,
  type Bodies,
  type ParseContext,
  type Provider,
  type Resource,
} from "./provider";
import { ioIncidents, ioSummary, type IoIncident, type IoSummary } from "./incidentio-schema";
import { parseStatuspageBodies, statuspageResources } from "./statuspage";
import { COMPONENT_STATUS, mergeById } from "./statuspage-map";
import { toUtc } from "./time";
import type { Snapshot, SnapshotComponent, SnapshotIncident, SnapshotMaintenance } from "./types";
import type { Impact, IncidentStatus, MaintenanceStatus } from "@/lib/domain/vocabulary";

const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
};
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  maintenance_scheduled: "scheduled",
  maintenance_in_progress: "in_progress",
  maintenance_complete: "completed",
};
// incident.io has no impact field; the worst component status during the incident stands in.
const IMPACT: Record<string, Impact> = {
  operational: "none",
  under_maintenance: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  full_outage: "critical",
};

/** `/proxy/<host>` on the page's own origin (path prefix kept for the fixture server). */
export function proxyEndpoint(base: URL): string {
  return under(base, `proxy/${base.host}`);
}

export function incidentioResources(base: URL, endpoint: string | null): Resource[] {
  if (endpoint && !/\/proxy\/[^/]+\/?$/.test(new URL(endpoint).pathname)) return statuspageResources(base, endpoint);
  const proxy = endpoint ?? proxyEndpoint(base);
  return [
    { key: "proxy", url: proxy },
    { key: "proxyIncidents", url: `${proxy.replace(/\/+$/, "")}/incidents` },
  ];
}

function components(s: IoSummary | null): SnapshotComponent[] {
  if (!s) return [];
  const affected = new Map((s.affected_components ?? []).map((a) => [a.component_id, a.status]));
  // Not listed as affected means operational on incident.io pages.
  const status = (id: string) => mapEnum(COMPONENT_STATUS, affected.get(id) ?? "operational", "unknown");
  const out: SnapshotComponent[] = [];
  for (const item of s.structure?.items ?? []) {
    const group = item.group;
    const refs = group ? (group.components ?? []) : item.component ? [item.component] : [];
    for (const c of refs) {
      if (c.hidden) continue;
      const name = c.name ?? s.components?.find((x) => x.id === c.component_id)?.name ?? c.component_id;
      out.push({ id: c.component_id, name, group: group?.name ?? null, status: status(c.component_id) });
    }
  }
  if (out.length === 0) {
    for (const c of s.components ?? []) out.push({ id: c.id, name: c.name, group: null, status: status(c.id) });
  }
  return out;
}

const times = (i: IoIncident, pick: "start_at" | "end_at") =>
  [...(i.status_summaries ?? []), ...(i.component_impacts ?? [])]
    .flatMap((x) => (x[pick] ? [toUtc(x[pick])] : []))
    .sort();

function componentIds(i: IoIncident): string[] {
  const ids = new Set([...(i.affected_components ?? []), ...(i.component_impacts ?? [])].map((c) => c.component_id));
  return [...ids];
}

function mapIncident(i: IoIncident, baseUrl: string | undefined): SnapshotIncident {
  const status = mapEnum(INCIDENT_STATUS, i.status, "investigating");
  const worst = (i.status_summaries ?? []).map((s) => mapEnum(IMPACT, s.worst_component_status, "minor"));
  const updates = (i.updates ?? []).map((u) => ({
    status: mapEnum(INCIDENT_STATUS, u.to_status, "investigating"),
    body: u.message_string ?? "",
    at: toUtc(u.published_at),
  }));
  const resolvedUpdate = updates.find((u) => u.status === "resolved");
  const created = i.published_at ?? i.updates?.at(-1)?.published_at;
  const startedAt = times(i, "start_at")[0] ?? (created ? toUtc(created) : null);
  if (!startedAt) throw new ParseError(`incident.io incident ${i.id} has no time`);
  return {
    id: i.id,
    title: i.name,
    status,
    impact: worstImpact(worst, "minor"),
    startedAt,
    resolvedAt: status === "resolved" ? (resolvedUpdate?.at ?? times(i, "end_at").at(-1) ?? null) : null,
    url: baseUrl ? `${baseUrl.replace(/\/+$/, "")}/incidents/${i.id}` : null,
    componentIds: componentIds(i),
    updates,
  };
}

function mapMaintenance(i: IoIncident): SnapshotMaintenance {
  return {
    id: i.id,
    title: i.name,
    status: mapEnum(MAINTENANCE_STATUS, i.status, "scheduled"),
    scheduledFor: times(i, "start_at")[0] ?? null,
    scheduledUntil: times(i, "end_at").at(-1) ?? null,
    componentIds: componentIds(i),
  };
}

const isMaintenance = (i: IoIncident) => i.type === "maintenance" || i.status.startsWith("maintenance_");

function parseNative(bodies: Bodies, ctx: ParseContext): Snapshot {
  const summary = bodies.proxy === undefined ? null : parseJson(bodies.proxy, ioSummary, "incident.io summary").summary;
  const list =
    bodies.proxyIncidents === undefined ? null : parseJson(bodies.proxyIncidents, ioIncidents, "incident.io incidents");
  const all = mergeById(summary?.ongoing_incidents, summary?.scheduled_maintenances, list?.incidents);
  const baseUrl = ctx.baseUrl ?? summary?.public_url ?? undefined;
  const comps = components(summary);
  return {
    provider: "incidentio",
    status: summary
      ? worstStatus(
          comps.map((c) => c.status),
          "operational",
        )
      : "unknown",
    components: comps,
    // Hidden components are not listed, so incidents must not name them either.
    incidents: onlyListedComponents(
      all.filter((i) => !isMaintenance(i)).map((i) => mapIncident(i, baseUrl)),
      comps,
    ),
    maintenances: onlyListedComponents(all.filter(isMaintenance).map(mapMaintenance), comps),
  };
}

export const incidentio: Provider = {
  id: "incidentio",
  defaultEndpoint: proxyEndpoint,
  resources: incidentioResources,
  parse: (bodies, ctx) =>
    bodies.proxy !== undefined || bodies.proxyIncidents !== undefined
      ? parseNative(bodies, ctx)
      : parseStatuspageBodies("incidentio", bodies, ctx),
};
