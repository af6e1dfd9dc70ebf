import { worstStatus } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { parseAwsRss } from "./aws-rss";
import { mapEnum, parseJson, type Provider } from "./provider";
import { epochToUtc } from "./time";
import type { Snapshot, SnapshotIncident } from "./types";
import type { Impact, Status } from "@/lib/domain/vocabulary";

/**
 * AWS Health (docs/providers.md, "AWS"): the current `public/currentevents` array, the legacy
 * `data.json` ({archive,current}) and the legacy RSS feeds (aws-rss.ts). One body, sniffed by its
 * first character.
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
  // Every service an event names is a component, so closed events point at one too; only open
  // events move a status away from operational.
  const components = new Map<string, { id: string; name: string; group: null; status: Status }>();
  const add = (e: Event, st: Status) => {
    const prev = components.get(e.service);
    components.set(e.service, {
      id: e.service,
      name: e.service_name ?? prev?.name ?? e.service,
      group: null,
      status: worstStatus([prev?.status ?? "operational", st]),
    });
  };
  for (const e of closed) add(e, "operational");
  for (const e of open) add(e, mapEnum(CODE_STATUS, e.status, "unknown"));
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

export function parseAws(body: string | undefined): Snapshot {
  const text = (body ?? "").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) return parseAwsRss(text);
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
