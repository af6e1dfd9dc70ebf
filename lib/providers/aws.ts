import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { parseFeed } from "./feed";
import { ParseError, mapEnum, parseJson, type Provider } from "./provider";
import { epochToUtc } from "./time";
import type { Snapshot, SnapshotIncident } from "./types";
import type { Impact, IncidentStatus, Status } from "@/lib/domain/vocabulary";

/**
 * AWS Health (formats.md §14): current `public/currentevents` array, the legacy `data.json`
 * ({archive,current}) and the legacy per-service RSS. One body, sniffed by its first character.
 */
const event = z.object({
  service: z.string(),
  service_name: z.string().nullish(),
  summary: z.string(),
  date: z.union([z.string(), z.number()]),
  status: z.union([z.string(), z.number()]).nullish(),
  description: z.string().nullish(),
  arn: z.string().nullish(),
  event_log: z
    .array(z.object({ message: z.string().nullish(), timestamp: z.union([z.string(), z.number()]) }))
    .nullish(),
});
const legacy = z.object({ archive: z.array(event), current: z.array(event) });
const current = z.array(event);
type Event = z.output<typeof event>;

const CODE_IMPACT: Record<string, Impact> = { "0": "none", "1": "minor", "2": "major", "3": "critical" };
const CODE_STATUS: Record<string, Status> = {
  "0": "operational",
  "1": "degraded",
  "2": "partial_outage",
  "3": "major_outage",
};

function fromEvents(open: Event[], closed: Event[]): Snapshot {
  const components = new Map<string, { id: string; name: string; group: null; status: Status }>();
  for (const e of open) {
    const st = mapEnum(CODE_STATUS, e.status, "unknown");
    const prev = components.get(e.service)?.status ?? "operational";
    components.set(e.service, {
      id: e.service,
      name: e.service_name ?? e.service,
      group: null,
      status: worstStatus([prev, st]),
    });
  }
  const incident = (e: Event, resolved: boolean): SnapshotIncident => ({
    // AWS has no event id in these feeds; service + start epoch is what its RSS guid uses.
    id: e.arn ?? `${e.service}_${e.date}`,
    title: e.summary,
    status: resolved ? "resolved" : "investigating",
    impact: mapEnum(CODE_IMPACT, e.status, "minor"),
    startedAt: epochToUtc(e.date),
    // The archive keeps one date per event; it is the best resolution time available.
    resolvedAt: resolved ? epochToUtc(e.date) : null,
    url: null,
    componentIds: [e.service],
    updates: (e.event_log ?? []).map((l) => ({
      status: "investigating" as const,
      body: l.message ?? "",
      at: epochToUtc(l.timestamp),
    })),
  });
  const comps = [...components.values()];
  return {
    provider: "aws",
    status: worstStatus(
      comps.map((c) => c.status),
      "operational",
    ),
    components: comps,
    incidents: [...open.map((e) => incident(e, false)), ...closed.map((e) => incident(e, true))],
    maintenances: [],
  };
}

const PREFIX: Array<[RegExp, IncidentStatus, Impact, Status]> = [
  [/^service is operating normally:\s*/i, "resolved", "none", "operational"],
  [/^informational message:\s*/i, "investigating", "minor", "degraded"],
  [/^performance issues:\s*/i, "investigating", "minor", "degraded"],
  [/^service degradation:\s*/i, "investigating", "major", "partial_outage"],
  [/^service disruption:\s*/i, "investigating", "critical", "major_outage"],
];
const IMPACT_ORDER: Impact[] = ["none", "minor", "major", "critical"];
const DAY = 24 * 3600 * 1000;

/** Legacy RSS: one item per update; an event runs until "Service is operating normally". */
function fromRss(body: string): Snapshot {
  const feed = parseFeed(body);
  const service = feed.items[0]?.id.split("#")[1]?.replace(/_\d+$/, "") ?? feed.title;
  const name = feed.title.replace(/\s*Service Status$/i, "") || service;
  const oldestFirst = [...feed.items].sort((a, b) => Date.parse(a.published ?? "") - Date.parse(b.published ?? ""));
  const incidents: SnapshotIncident[] = [];
  let cur: SnapshotIncident | null = null;
  let lastStatus: Status = "operational";
  for (const it of oldestFirst) {
    if (!it.published) throw new ParseError(`aws rss item ${it.id} has no date`);
    const [re, prefixStatus, impact, compStatus] = PREFIX.find(([r]) => r.test(it.title)) ?? [
      /^/,
      "investigating",
      "minor",
      "unknown",
    ];
    const rest = it.title.replace(re, "");
    const title = rest.replace(/\[(resolved|解決済)\]\s*/gi, "").trim();
    const status: IncidentStatus = /\[resolved\]/i.test(rest) ? "resolved" : prefixStatus;
    const gap = cur ? Date.parse(it.published) - Date.parse(cur.updates[0]?.at ?? cur.startedAt) : 0;
    // A new event: nothing open, a different headline, or a day of silence.
    if (!cur || cur.status === "resolved" || cur.title !== title || gap > DAY) {
      cur = {
        id: it.id.split("#")[1] ?? it.id,
        title,
        status,
        impact,
        startedAt: it.published,
        resolvedAt: null,
        url: it.link,
        componentIds: [service],
        updates: [],
      };
      incidents.push(cur);
    }
    cur.status = status;
    if (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(cur.impact)) cur.impact = impact;
    if (status === "resolved") cur.resolvedAt = it.published;
    cur.updates.unshift({ status, body: it.html, at: it.published });
    lastStatus = status === "resolved" ? "operational" : compStatus;
  }
  incidents.reverse();
  return {
    provider: "aws",
    status: lastStatus,
    components: [{ id: service, name, group: null, status: lastStatus }],
    incidents,
    maintenances: [],
  };
}

export function parseAws(body: string | undefined): Snapshot {
  const text = (body ?? "").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) return fromRss(text);
  if (text.startsWith("[")) return fromEvents(parseJson(text, current, "aws currentevents"), []);
  const d = parseJson(text, legacy, "aws data.json");
  return fromEvents(d.current, d.archive);
}

const HOSTS = ["status.aws.amazon.com", "health.aws.amazon.com"];

export const aws: Provider = {
  id: "aws",
  matchesHost: (url) => HOSTS.includes(url.hostname),
  defaultEndpoint: () => "https://health.aws.amazon.com/public/currentevents",
  resources: (base, endpoint) => [
    { key: "events", url: endpoint ?? "https://health.aws.amazon.com/public/currentevents" },
  ],
  parse: (bodies) => parseAws(bodies.events),
};
