import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc, toUtcOrNull } from "./time";
import type { Impact, IncidentStatus, Status } from "@/lib/domain/vocabulary";

/** Heroku `/api/v4/current-status` (docs/providers.md, "Heroku"). */
const update = z.object({ update_type: z.string(), contents: z.string().nullish(), created_at: z.string() });
const issue = z.object({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  created_at: z.string(),
  resolved: z.boolean().nullish(),
  resolved_at: z.string().nullish(),
  upcoming: z.boolean().nullish(),
  status_prod: z.string().nullish(),
  full_url: z.string().nullish(),
  updates: z.array(update).nullish(),
});
const schema = z.object({
  status: z.array(z.object({ system: z.string(), status: z.string() })),
  incidents: z.array(issue),
  scheduled: z.array(issue).nullish(),
});

const COLOR: Record<string, Status> = {
  green: "operational",
  yellow: "degraded",
  red: "major_outage",
  blue: "maintenance",
};
const UPDATE: Record<string, IncidentStatus> = {
  investigating: "investigating",
  issue: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
};
const IMPACT: Record<string, Impact> = { green: "none", blue: "none", yellow: "minor", red: "critical" };

export const heroku: Provider = {
  id: "heroku",
  matchesHost: (url) => url.hostname === "status.heroku.com",
  defaultEndpoint: (base) => under(base, "api/v4/current-status"),
  resources: (base, endpoint) => [{ key: "current", url: endpoint ?? under(base, "api/v4/current-status") }],
  parse(bodies, ctx) {
    const s = parseJson(bodies.current, schema, "heroku current-status");
    const components = s.status.map((c) => ({
      id: c.system,
      name: c.system,
      group: null,
      status: mapEnum(COLOR, c.status, "unknown"),
    }));
    const link = (id: string | number, full?: string | null) =>
      full ?? (ctx.baseUrl ? `${ctx.baseUrl}/incidents/${id}` : null);
    return {
      provider: "heroku",
      status: worstStatus(components.map((c) => c.status)),
      components,
      incidents: s.incidents.map((i) => {
        const updates = (i.updates ?? []).map((u) => ({
          status: mapEnum(UPDATE, u.update_type, "investigating"),
          body: u.contents ?? "",
          at: toUtc(u.created_at),
        }));
        return {
          id: String(i.id),
          title: i.title,
          status: i.resolved ? "resolved" : (updates[0]?.status ?? "investigating"),
          impact: mapEnum(IMPACT, i.status_prod, "minor"),
          startedAt: toUtc(i.created_at),
          resolvedAt: toUtcOrNull(i.resolved_at),
          url: link(i.id, i.full_url),
          componentIds: [],
          updates,
        };
      }),
      maintenances: (s.scheduled ?? []).map((m) => {
        // Heroku gives no planned window fields; the first "maintenance" update marks the start.
        const ups = m.updates ?? [];
        const began = ups.filter((u) => u.update_type === "maintenance").at(-1);
        return {
          id: String(m.id),
          title: m.title,
          status: m.resolved ? "completed" : m.upcoming ? "scheduled" : "in_progress",
          scheduledFor: began ? toUtc(began.created_at) : null,
          scheduledUntil: toUtcOrNull(m.resolved_at),
          componentIds: [],
        };
      }),
    };
  },
};
