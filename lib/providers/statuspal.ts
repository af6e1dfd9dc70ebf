import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { mapEnum, parseJson, type Provider } from "./provider";
import { toUtc, toUtcOrNull } from "./time";
import type { SnapshotComponent } from "./types";
import type { Impact, IncidentStatus, Status } from "@/lib/domain/vocabulary";

/** Statuspal central API `/api/v2/status_pages/<subdomain>/summary` (docs/providers.md, "Statuspal"). */
interface Service {
  id: number | string;
  name: string;
  current_incident_type?: string | null;
  children?: Service[] | null;
}
const service: z.ZodType<Service> = z.lazy(() =>
  z.object({
    id: z.union([z.number(), z.string()]),
    name: z.string(),
    current_incident_type: z.string().nullish(),
    children: z.array(service).nullish(),
  }),
);
const event = z.object({
  id: z.union([z.number(), z.string()]),
  type: z.string(),
  title: z.string(),
  url: z.string().nullish(),
  starts_at: z.string().nullish(),
  ends_at: z.string().nullish(),
  inserted_at: z.string(),
  timezone: z.string().nullish(),
  service_ids: z.array(z.union([z.number(), z.string()])).nullish(),
  updates: z
    .array(
      z.object({
        type: z.string(),
        description: z.string().nullish(),
        posted_at: z.string().nullish(),
        inserted_at: z.string(),
      }),
    )
    .nullish(),
});
const schema = z.object({
  status_page: z.object({
    time_zone: z.string().nullish(),
    current_incident_type: z.string().nullish(),
    url: z.string().nullish(),
  }),
  current_status_type: z.string().nullish(),
  services: z.array(service),
  incidents: z.array(event).nullish(),
  maintenances: z.array(event).nullish(),
  upcoming_maintenances: z.array(event).nullish(),
});
type Event = z.output<typeof event>;

const TYPE_STATUS: Record<string, Status> = {
  info: "operational",
  performance: "degraded",
  minor: "partial_outage",
  major: "major_outage",
  scheduled: "maintenance",
  "emergency-maintenance": "maintenance",
};
const TYPE_IMPACT: Record<string, Impact> = { info: "none", performance: "minor", minor: "minor", major: "major" };
const UPDATE: Record<string, IncidentStatus> = {
  issue: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  info: "investigating",
};
const typeStatus = (t: string | null | undefined): Status =>
  t == null ? "operational" : mapEnum(TYPE_STATUS, t, "unknown");

/**
 * An event names a parent service and the children it hit (`[PEAK, PEAK - Production]`), or only
 * the parent when all of it is affected. Components are the leaves, so a parent named with none
 * of its children stands for all of them; ids the page does not list are dropped.
 */
function leafIds(list: readonly Service[]): (ids: ReadonlyArray<number | string>) => string[] {
  const leaves = new Map<string, string[]>();
  const walk = (s: Service): string[] => {
    const mine = s.children?.length ? s.children.flatMap(walk) : [String(s.id)];
    leaves.set(String(s.id), mine);
    return mine;
  };
  list.forEach(walk);
  return (ids) => {
    const named = new Set(ids.map(String));
    const out = new Set<string>();
    for (const id of named) {
      const mine = leaves.get(id) ?? [];
      const childNamed = mine.some((leaf) => leaf !== id && named.has(leaf));
      for (const leaf of mine) if (leaf === id || !childNamed || named.has(leaf)) out.add(leaf);
    }
    return [...out];
  };
}

/** Parents with children are containers; leaves carry the nearest parent's name. */
function flatten(list: readonly Service[], group: string | null, out: SnapshotComponent[]): SnapshotComponent[] {
  for (const s of list) {
    if (s.children && s.children.length > 0) flatten(s.children, s.name, out);
    else out.push({ id: String(s.id), name: s.name, group, status: typeStatus(s.current_incident_type) });
  }
  return out;
}

export function statuspalEndpoint(url: URL): string | null {
  const m = /^([a-z0-9-]+)\.statuspal\.(io|eu)$/i.exec(url.hostname);
  return m ? `https://statuspal.${m[2]}/api/v2/status_pages/${m[1]}/summary` : null;
}

export const statuspal: Provider = {
  id: "statuspal",
  matchesHost: (url) => statuspalEndpoint(url) !== null,
  defaultEndpoint: (base) => statuspalEndpoint(base) ?? base.href,
  resources: (base, endpoint) => [{ key: "summary", url: endpoint ?? statuspalEndpoint(base) ?? base.href }],
  parse(bodies, ctx) {
    const s = parseJson(bodies.summary, schema, "statuspal summary");
    const pageZone = s.status_page.time_zone ?? "UTC";
    const at = (e: Event, v: string | null | undefined) => toUtcOrNull(v, e.timezone ?? pageZone);
    const now = ctx.now ?? Date.now();
    const components = leafIds(s.services);
    const incident = (e: Event) => {
      const updates = (e.updates ?? []).map((u) => ({
        status: mapEnum(UPDATE, u.type, "investigating"),
        body: u.description ?? "",
        at: toUtc(u.posted_at ?? u.inserted_at, e.timezone ?? pageZone),
      }));
      const ended = at(e, e.ends_at);
      const resolved = ended !== null && Date.parse(ended) <= now;
      return {
        id: String(e.id),
        title: e.title,
        status: resolved ? ("resolved" as const) : (updates[0]?.status ?? "investigating"),
        impact: mapEnum(TYPE_IMPACT, e.type, "minor"),
        startedAt: at(e, e.starts_at) ?? toUtc(e.inserted_at, e.timezone ?? pageZone),
        resolvedAt: resolved ? ended : null,
        url: e.url ?? null,
        componentIds: components(e.service_ids ?? []),
        updates,
      };
    };
    const maintenance = (e: Event, upcoming: boolean) => {
      const end = at(e, e.ends_at);
      return {
        id: String(e.id),
        title: e.title,
        status: upcoming
          ? ("scheduled" as const)
          : end && Date.parse(end) <= now
            ? ("completed" as const)
            : ("in_progress" as const),
        scheduledFor: at(e, e.starts_at),
        scheduledUntil: end,
        componentIds: components(e.service_ids ?? []),
      };
    };
    return {
      provider: "statuspal",
      // Two readings of the page's state (Exoscale had an "info" incident type with a "minor"
      // status type while investigating an outage): the worse one wins.
      status: worstStatus(
        [typeStatus(s.status_page.current_incident_type), typeStatus(s.current_status_type)],
        "operational",
      ),
      components: flatten(s.services, null, []),
      incidents: (s.incidents ?? []).map(incident),
      maintenances: [
        ...(s.maintenances ?? []).map((m) => maintenance(m, false)),
        ...(s.upcoming_maintenances ?? []).map((m) => maintenance(m, true)),
      ],
    };
  },
};
