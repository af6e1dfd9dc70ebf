import {
  ParseError,
  onlyListedComponents,
  parseJson,
  under,
  type Bodies,
  type ParseContext,
  type Provider,
  type Resource,
} from "./provider";
import { mapComponents, mapIncident, mapMaintenance, mergeById, pageStatus } from "./statuspage-map";
import {
  spComponents,
  spIncidents,
  spMaintenances,
  spSummary,
  type SpIncident,
  type SpMaintenance,
} from "./statuspage-schema";
import type { ProviderId, Snapshot } from "./types";

const SUMMARY = "api/v2/summary.json";

/** The page base for a stored endpoint (…/api/v2/summary.json) or the status page URL. */
export function statuspageBase(base: URL, endpoint: string | null): URL {
  if (endpoint) {
    const u = new URL(endpoint);
    u.pathname = u.pathname.replace(/\/api\/v2\/[^/]*$/, "") || "/";
    return u;
  }
  return base;
}

/** summary (required), incidents.json (resolutions, 50 recent), scheduled-maintenances.json (cheap). */
export function statuspageResources(base: URL, endpoint: string | null): Resource[] {
  const b = statuspageBase(base, endpoint);
  return [
    { key: "summary", url: endpoint ?? under(b, SUMMARY) },
    { key: "incidents", url: under(b, "api/v2/incidents.json"), optional: true },
    { key: "maintenances", url: under(b, "api/v2/scheduled-maintenances.json"), optional: true },
  ];
}

const isScheduled = (i: SpIncident | SpMaintenance): i is SpMaintenance =>
  "scheduled_for" in i && typeof i.scheduled_for === "string";

/**
 * Parses any subset of summary / components / incidents / maintenances bodies into one snapshot.
 * Shared with incident.io's Statuspage-compatible layer (same shape, different provider id).
 */
export function parseStatuspageBodies(id: ProviderId, bodies: Bodies, ctx: ParseContext): Snapshot {
  const summary = bodies.summary === undefined ? null : parseJson(bodies.summary, spSummary, "summary.json");
  const comps = bodies.components === undefined ? null : parseJson(bodies.components, spComponents, "components.json");
  const incs = bodies.incidents === undefined ? null : parseJson(bodies.incidents, spIncidents, "incidents.json");
  const maints =
    bodies.maintenances === undefined
      ? null
      : parseJson(bodies.maintenances, spMaintenances, "scheduled-maintenances.json");
  if (!summary && !comps && !incs && !maints) throw new ParseError("statuspage: no body to parse");
  const baseUrl = ctx.baseUrl ?? summary?.page.url ?? incs?.page?.url ?? undefined;

  const rawComponents = summary?.components ?? comps?.components ?? [];
  const components = mapComponents(rawComponents);
  // incidents.json also lists maintenances (they carry scheduled_for); keep them apart.
  const recent = incs?.incidents ?? [];
  const incidents = mergeById(
    summary?.incidents,
    recent.filter((i) => !isScheduled(i)),
  );
  const maintenances = mergeById<SpMaintenance>(
    summary?.scheduled_maintenances,
    recent.filter(isScheduled),
    maints?.scheduled_maintenances,
  );
  return {
    provider: id,
    status: pageStatus(summary?.status.indicator, components),
    components,
    // incidents.json reaches back further than the component list: old incidents may name
    // components deleted since, and groups and decoration rows are not components here.
    incidents: onlyListedComponents(
      incidents.map((i) => mapIncident(i, baseUrl)),
      components,
    ),
    maintenances: onlyListedComponents(maintenances.map(mapMaintenance), components),
  };
}

export const statuspage: Provider = {
  id: "statuspage",
  matchesHost: (url) => url.hostname.endsWith(".statuspage.io"),
  defaultEndpoint: (base) => under(base, SUMMARY),
  resources: statuspageResources,
  parse: (bodies, ctx) => parseStatuspageBodies("statuspage", bodies, ctx),
};
