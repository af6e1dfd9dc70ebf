import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc, toUtcOrNull } from "./time";
import type { Impact, IncidentStatus, Status } from "@/lib/domain/vocabulary";

/** Google Cloud / Workspace / Firebase `incidents.json` (docs/providers.md, "Google Cloud"). */
const named = z.object({ id: z.string(), title: z.string() });
const update = z.object({
  created: z.string(),
  when: z.string().nullish(),
  text: z.string().nullish(),
  status: z.string(),
});
const incident = z.object({
  id: z.string(),
  begin: z.string(),
  created: z.string().nullish(),
  end: z.string().nullish(),
  external_desc: z.string(),
  severity: z.string().nullish(),
  uri: z.string().nullish(),
  updates: z.array(update).nullish(),
  most_recent_update: update.nullish(),
  affected_products: z.array(named).nullish(),
});
const schema = z.array(incident);

const SEVERITY: Record<string, Impact> = { low: "minor", medium: "major", high: "critical" };
const UPDATE_STATUS: Record<string, Status> = {
  AVAILABLE: "operational",
  SERVICE_INFORMATION: "degraded",
  SERVICE_DISRUPTION: "partial_outage",
  SERVICE_OUTAGE: "major_outage",
};
// Google never says identified/monitoring: an update is open until AVAILABLE.
const updateStatus = (s: string): IncidentStatus => (s === "AVAILABLE" ? "resolved" : "investigating");

const HOSTS = ["status.cloud.google.com", "status.firebase.google.com", "status.play.google.com"];

export const gcp: Provider = {
  id: "gcp",
  matchesHost: (url) =>
    HOSTS.includes(url.hostname) || (url.hostname === "www.google.com" && url.pathname.startsWith("/appsstatus")),
  defaultEndpoint: (base) =>
    base.hostname === "www.google.com"
      ? "https://www.google.com/appsstatus/dashboard/incidents.json"
      : under(base, "incidents.json"),
  resources: (base, endpoint) => [{ key: "incidents", url: endpoint ?? under(base, "incidents.json") }],
  parse(bodies, ctx) {
    const list = parseJson(bodies.incidents, schema, "incidents.json");
    const base = (ctx.baseUrl ?? "https://status.cloud.google.com").replace(/\/+$/, "");
    // No component list upstream: every product an incident names is a component (so an ended
    // incident still points at one), and only ongoing incidents move it off operational.
    const products = new Map<string, { id: string; name: string; group: null; status: Status }>();
    for (const i of list) {
      const st = i.end
        ? "operational"
        : mapEnum(UPDATE_STATUS, i.most_recent_update?.status ?? i.updates?.[0]?.status, "unknown");
      for (const p of i.affected_products ?? []) {
        const prev = products.get(p.id);
        products.set(p.id, {
          id: p.id,
          name: prev?.name ?? p.title,
          group: null,
          status: worstStatus([st, prev?.status ?? "operational"]),
        });
      }
    }
    const components = [...products.values()];
    return {
      provider: "gcp",
      status: worstStatus(
        components.map((c) => c.status),
        "operational",
      ),
      components,
      incidents: list.map((i) => ({
        id: i.id,
        title: i.external_desc,
        status: i.end ? "resolved" : "investigating",
        impact: mapEnum(SEVERITY, i.severity, "minor"),
        startedAt: toUtc(i.begin ?? i.created),
        resolvedAt: toUtcOrNull(i.end),
        url: `${base}/${i.uri ?? `incidents/${i.id}`}`,
        componentIds: (i.affected_products ?? []).map((p) => p.id),
        updates: (i.updates ?? []).map((u) => ({
          status: updateStatus(u.status),
          body: u.text ?? "",
          at: toUtc(u.when ?? u.created),
        })),
      })),
      maintenances: [],
    };
  },
};
