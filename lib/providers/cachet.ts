import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc } from "./time";
import type { IncidentStatus, Status } from "@/lib/domain/vocabulary";

/** Cachet 2.x `/api/v1` (docs/providers.md, "Cachet"). Times are naive server-local: ctx.timeZone, default UTC. */
const envelope = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
const component = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  status: z.union([z.number(), z.string()]),
  group_id: z.union([z.number(), z.string()]).nullish(),
  enabled: z.boolean().nullish(),
});
const group = z.object({ id: z.union([z.number(), z.string()]), name: z.string() });
const incident = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  status: z.union([z.number(), z.string()]),
  message: z.string().nullish(),
  component_id: z.union([z.number(), z.string()]).nullish(),
  occurred_at: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});

const STATUS: Record<string, Status> = {
  "1": "operational",
  "2": "degraded",
  "3": "partial_outage",
  "4": "major_outage",
};
const INCIDENT: Record<string, IncidentStatus> = {
  "1": "investigating",
  "2": "identified",
  "3": "monitoring",
  "4": "resolved",
};

export const cachet: Provider = {
  id: "cachet",
  defaultEndpoint: (base) => under(base, "api/v1/components"),
  resources(base, endpoint) {
    const api = endpoint ? endpoint.replace(/\/components\/?$/, "") : under(base, "api/v1");
    return [
      { key: "components", url: `${api}/components` },
      { key: "groups", url: `${api}/components/groups`, optional: true },
      { key: "incidents", url: `${api}/incidents?sort=id&order=desc`, optional: true },
    ];
  },
  parse(bodies, ctx) {
    const comps = parseJson(bodies.components, envelope(component), "cachet components").data;
    const groups = bodies.groups === undefined ? [] : parseJson(bodies.groups, envelope(group), "cachet groups").data;
    const incs =
      bodies.incidents === undefined ? [] : parseJson(bodies.incidents, envelope(incident), "cachet incidents").data;
    const groupName = new Map(groups.map((g) => [String(g.id), g.name]));
    const components = comps
      .filter((c) => c.enabled !== false)
      .map((c) => ({
        id: String(c.id),
        name: c.name,
        group: c.group_id ? (groupName.get(String(c.group_id)) ?? null) : null,
        status: mapEnum(STATUS, c.status, "unknown"),
      }));
    const tz = ctx.timeZone ?? "UTC";
    return {
      provider: "cachet",
      status: worstStatus(components.map((c) => c.status)),
      components,
      // Cachet 2 status 0 was "scheduled" (a maintenance), not an incident.
      incidents: incs
        .filter((i) => String(i.status) !== "0")
        .map((i) => ({
          id: String(i.id),
          title: i.name,
          status: mapEnum(INCIDENT, i.status, "investigating"),
          impact: "minor" as const,
          startedAt: toUtc(i.occurred_at ?? i.created_at, tz),
          resolvedAt: String(i.status) === "4" && i.updated_at ? toUtc(i.updated_at, tz) : null,
          url: ctx.baseUrl ? `${ctx.baseUrl}/incidents/${i.id}` : null,
          componentIds: i.component_id ? [String(i.component_id)] : [],
          updates: [],
        })),
      maintenances: [],
    };
  },
};
