import { z } from "zod";
import { mapEnum, parseJson, type Provider } from "./provider";
import { toUtc, toUtcOrNull } from "./time";
import type { Impact, IncidentStatus, Status } from "@/lib/domain/vocabulary";

/** status.io public API `/1.0/status/<page id>` (docs/providers.md, "status.io"). */
const ref = z.object({ _id: z.string(), name: z.string().nullish() });
const message = z.object({
  details: z.string().nullish(),
  state: z.number().nullish(),
  status: z.number().nullish(),
  datetime: z.string(),
});
const event = z.object({
  _id: z.string(),
  name: z.string(),
  datetime_open: z.string(),
  datetime_planned_start: z.string().nullish(),
  datetime_planned_end: z.string().nullish(),
  messages: z.array(message).nullish(),
  components_affected: z.array(ref).nullish(),
});
const schema = z.object({
  result: z.object({
    status_overall: z.object({ status_code: z.number() }),
    status: z.array(z.object({ id: z.string(), name: z.string(), status_code: z.number() })),
    incidents: z.array(event).nullish(),
    maintenance: z.object({ active: z.array(event).nullish(), upcoming: z.array(event).nullish() }).nullish(),
  }),
});

const CODE: Record<string, Status> = {
  "100": "operational",
  "200": "maintenance",
  "300": "degraded",
  "400": "partial_outage",
  "500": "major_outage",
  "600": "major_outage", // "Security Event"
};
const IMPACT: Record<string, Impact> = {
  "100": "none",
  "200": "none",
  "300": "minor",
  "400": "major",
  "500": "critical",
  "600": "critical",
};
// status.io's incident state scale (kb.status.io); only 100 and 200 were seen in payloads.
const STATE: Record<string, IncidentStatus> = { "100": "investigating", "200": "identified", "300": "monitoring" };

/** The public API host; tests point it at the fixture server. */
export const STATUSIO_API = "https://api.status.io";
export const statusioEndpoint = (pageId: string, apiBase = STATUSIO_API) =>
  `${apiBase.replace(/\/+$/, "")}/1.0/status/${pageId}`;

const latest = (e: z.output<typeof event>) =>
  [...(e.messages ?? [])].sort((a, b) => Date.parse(b.datetime) - Date.parse(a.datetime))[0];

export const statusio: Provider = {
  id: "statusio",
  matchesHost: (url) => url.hostname.endsWith(".status.io") && url.hostname !== "api.status.io",
  resources: (base, endpoint) => [{ key: "status", url: endpoint ?? base.href }],
  parse(bodies) {
    const r = parseJson(bodies.status, schema, "status.io status").result;
    return {
      provider: "statusio",
      status: mapEnum(CODE, r.status_overall.status_code, "unknown"),
      components: r.status.map((c) => ({
        id: c.id,
        name: c.name,
        group: null,
        status: mapEnum(CODE, c.status_code, "unknown"),
      })),
      incidents: (r.incidents ?? []).map((i) => {
        const last = latest(i);
        return {
          id: i._id,
          title: i.name,
          // The API lists open incidents only.
          status: mapEnum(STATE, last?.state, "investigating"),
          impact: mapEnum(IMPACT, last?.status, "minor"),
          startedAt: toUtc(i.datetime_open),
          resolvedAt: null,
          url: null,
          componentIds: (i.components_affected ?? []).map((c) => c._id),
          updates: (i.messages ?? []).map((m) => ({
            status: mapEnum(STATE, m.state, "investigating"),
            body: m.details ?? "",
            at: toUtc(m.datetime),
          })),
        };
      }),
      maintenances: [
        ...(r.maintenance?.active ?? []).map((m) => ({ m, status: "in_progress" as const })),
        ...(r.maintenance?.upcoming ?? []).map((m) => ({ m, status: "scheduled" as const })),
      ].map(({ m, status }) => ({
        id: m._id,
        title: m.name,
        status,
        scheduledFor: toUtcOrNull(m.datetime_planned_start),
        scheduledUntil: toUtcOrNull(m.datetime_planned_end),
        componentIds: (m.components_affected ?? []).map((c) => c._id),
      })),
    };
  },
};
