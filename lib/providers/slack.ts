import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc } from "./time";
import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

/** Slack `/api/v2.0.0/current` (docs/providers.md, "Slack"). */
const issue = z.object({
  id: z.union([z.number(), z.string()]),
  date_created: z.string(),
  date_updated: z.string().nullish(),
  title: z.string(),
  type: z.string(),
  status: z.string(),
  url: z.string().nullish(),
  services: z.array(z.string()).nullish(),
  notes: z.array(z.object({ date_created: z.string(), body: z.string() })).nullish(),
});
const schema = z.object({ status: z.string(), date_updated: z.string().nullish(), active_incidents: z.array(issue) });

const TYPE_STATUS: Record<string, Status> = {
  incident: "degraded",
  outage: "major_outage",
  notice: "operational",
  maintenance: "maintenance",
};
const TYPE_IMPACT: Record<string, Impact> = {
  incident: "minor",
  outage: "critical",
  notice: "none",
  maintenance: "none",
};
const ISSUE_STATUS: Record<string, IncidentStatus> = { active: "investigating", resolved: "resolved" };
const MAINT_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: "scheduled",
  active: "in_progress",
  completed: "completed",
  resolved: "completed",
};

export const slack: Provider = {
  id: "slack",
  matchesHost: (url) => url.hostname === "status.slack.com" || url.hostname === "slack-status.com",
  defaultEndpoint: (base) => under(base, "api/v2.0.0/current"),
  resources: (base, endpoint) => [{ key: "current", url: endpoint ?? under(base, "api/v2.0.0/current") }],
  parse(bodies) {
    const s = parseJson(bodies.current, schema, "slack current");
    const incidents = s.active_incidents.filter((i) => i.type !== "maintenance");
    // Slack names services, not ids: the service name is the component id.
    const affected = new Map<string, Status>();
    for (const i of incidents) {
      const st = mapEnum(TYPE_STATUS, i.type, "unknown");
      for (const svc of i.services ?? []) affected.set(svc, st);
    }
    return {
      provider: "slack",
      status:
        s.status === "ok"
          ? "operational"
          : s.status === "active"
            ? incidents.some((i) => i.type === "outage")
              ? "major_outage"
              : "degraded"
            : "unknown",
      components: [...affected].map(([name, status]) => ({ id: name, name, group: null, status })),
      incidents: incidents.map((i) => ({
        id: String(i.id),
        title: i.title,
        status: mapEnum(ISSUE_STATUS, i.status, "investigating"),
        impact: mapEnum(TYPE_IMPACT, i.type, "minor"),
        startedAt: toUtc(i.date_created),
        resolvedAt: i.status === "resolved" && i.date_updated ? toUtc(i.date_updated) : null,
        url: i.url ?? null,
        componentIds: i.services ?? [],
        updates: (i.notes ?? []).map((n) => ({
          status: mapEnum(ISSUE_STATUS, i.status, "investigating"),
          body: n.body,
          at: toUtc(n.date_created),
        })),
      })),
      maintenances: s.active_incidents
        .filter((i) => i.type === "maintenance")
        .map((m) => ({
          id: String(m.id),
          title: m.title,
          status: mapEnum(MAINT_STATUS, m.status, "scheduled"),
          scheduledFor: toUtc(m.date_created),
          scheduledUntil: null,
          componentIds: m.services ?? [],
        })),
    };
  },
};
