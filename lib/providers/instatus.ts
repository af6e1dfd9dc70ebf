import { worstImpact } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc } from "./time";
import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

/** Instatus `/summary.json` (docs/providers.md, "Instatus"; documented shape, no recorded payload). */
const schema = z.object({
  page: z.object({ name: z.string().nullish(), url: z.string().nullish(), status: z.string() }),
  activeIncidents: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        started: z.string(),
        status: z.string(),
        impact: z.string().nullish(),
        url: z.string().nullish(),
      }),
    )
    .nullish(),
  activeMaintenances: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        start: z.string(),
        status: z.string(),
        duration: z.union([z.number(), z.string()]).nullish(),
        url: z.string().nullish(),
      }),
    )
    .nullish(),
});

const IMPACT: Record<string, Impact> = {
  OPERATIONAL: "none",
  DEGRADEDPERFORMANCE: "minor",
  MINOROUTAGE: "major",
  PARTIALOUTAGE: "major",
  MAJOROUTAGE: "critical",
  UNDERMAINTENANCE: "none",
};
const IMPACT_STATUS: Record<Impact, Status> = {
  none: "operational",
  minor: "degraded",
  major: "partial_outage",
  critical: "major_outage",
};
const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  INVESTIGATING: "investigating",
  IDENTIFIED: "identified",
  MONITORING: "monitoring",
  RESOLVED: "resolved",
};
const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  NOTSTARTEDYET: "scheduled",
  INPROGRESS: "in_progress",
  VERIFYING: "in_progress",
  COMPLETED: "completed",
};

export const instatus: Provider = {
  id: "instatus",
  matchesHost: (url) => url.hostname.endsWith(".instatus.com"),
  defaultEndpoint: (base) => under(base, "summary.json"),
  resources: (base, endpoint) => [{ key: "summary", url: endpoint ?? under(base, "summary.json") }],
  parse(bodies) {
    const s = parseJson(bodies.summary, schema, "instatus summary.json");
    const incidents = (s.activeIncidents ?? []).map((i) => ({
      id: i.id,
      title: i.name,
      status: mapEnum(INCIDENT_STATUS, i.status, "investigating"),
      impact: mapEnum(IMPACT, i.impact, "minor"),
      startedAt: toUtc(i.started),
      resolvedAt: null,
      url: i.url ?? null,
      componentIds: [],
      updates: [],
    }));
    // HASISSUES says nothing about severity: use the worst open incident, else "degraded".
    const worst = worstImpact(incidents.map((i) => i.impact));
    const status: Status =
      s.page.status === "UP"
        ? "operational"
        : s.page.status === "UNDERMAINTENANCE"
          ? "maintenance"
          : s.page.status === "HASISSUES"
            ? worst !== "none"
              ? IMPACT_STATUS[worst]
              : "degraded"
            : "unknown";
    return {
      provider: "instatus",
      status,
      components: [],
      incidents,
      maintenances: (s.activeMaintenances ?? []).map((m) => {
        const start = toUtc(m.start);
        const minutes = Number(m.duration);
        return {
          id: m.id,
          title: m.name,
          status: mapEnum(MAINTENANCE_STATUS, m.status, "scheduled"),
          scheduledFor: start,
          scheduledUntil:
            Number.isFinite(minutes) && minutes > 0
              ? new Date(Date.parse(start) + minutes * 60_000).toISOString()
              : null,
          componentIds: [],
        };
      }),
    };
  },
};
