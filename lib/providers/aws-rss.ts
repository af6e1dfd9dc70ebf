import { worstImpact, worstStatus, type Impact, type IncidentStatus, type Status } from "@/lib/domain/vocabulary";
import { parseFeed, type FeedItem } from "./feed";
import { ParseError } from "./provider";
import type { Snapshot, SnapshotComponent, SnapshotIncident } from "./types";

/**
 * The legacy AWS RSS feeds (docs/providers.md, "AWS"): one per service and region
 * (`rss/<service>-<region>.rss`) and `rss/all.rss`, which interleaves every service. Each item is
 * one update; its guid `…#<service>-<region>_<epoch>` names the service it belongs to, so a
 * service is read from every item on its own, never from the feed as a whole.
 */

/** Title prefix → (update status, impact, component status). The first match wins. */
const PREFIX: Array<[RegExp, IncidentStatus, Impact, Status]> = [
  [/^service is operating normally:\s*/i, "resolved", "none", "operational"],
  [/^informational message:\s*/i, "investigating", "minor", "degraded"],
  [/^performance issues:\s*/i, "investigating", "minor", "degraded"],
  [/^service degradation:\s*/i, "investigating", "major", "partial_outage"],
  [/^service impact:\s*/i, "investigating", "major", "partial_outage"],
  [/^service disruption:\s*/i, "investigating", "critical", "major_outage"],
];
const UNKNOWN_PREFIX: [RegExp, IncidentStatus, Impact, Status] = [/^/, "investigating", "minor", "unknown"];
/** AWS stamps `[RESOLVED]` (Japanese feeds also `[解決済]`) into every title of an event once it is over. */
const RESOLVED_MARK = /\[(resolved|解決済)\]\s*/i;
/** Updates of one event rarely sit more than a few hours apart; a day of silence ends it. */
export const EVENT_GAP_MS = 24 * 3600_000;

interface Item {
  key: string;
  id: string;
  title: string;
  at: string;
  /** Status the item's own prefix gives, ignoring the [RESOLVED] mark added afterwards. */
  status: IncidentStatus;
  resolved: boolean;
  impact: Impact;
  componentStatus: Status;
  link: string | null;
  body: string;
}

/**
 * AWS escapes the HTML of its descriptions once more inside CDATA (`&lt;br&gt;`, `&lt;a href=…&gt;`),
 * so it would show as literal tags. Undo that one level for line breaks and links, as Markdown.
 */
export function awsBody(html: string): string {
  if (!/&lt;(br|a)\b/i.test(html)) return html;
  return html
    .replace(/&lt;br\s*\/?&gt;/gi, "  \n")
    .replace(/&lt;a\s+href=(?:"|&quot;)(https?:\/\/[^"&]+)(?:"|&quot;)[^&]*&gt;(.*?)&lt;\/a&gt;/gi, "[$2]($1)");
}

/** `http://status.aws.amazon.com/#ec2-us-east-1_1640176500` → `ec2-us-east-1_1640176500`. */
const fragment = (it: FeedItem) => (it.id.includes("#") ? it.id.slice(it.id.indexOf("#") + 1) : "");

function readItem(it: FeedItem, fallbackKey: string): Item {
  if (!it.published) throw new ParseError(`aws rss item ${it.id} has no date`);
  const [re, status, impact, componentStatus] = PREFIX.find(([r]) => r.test(it.title)) ?? UNKNOWN_PREFIX;
  const rest = it.title.replace(re, "");
  const frag = fragment(it);
  const key = frag.replace(/_\d+$/, "") || fallbackKey;
  return {
    key,
    id: frag || `${key}_${Date.parse(it.published) / 1000}`,
    title: rest.replace(new RegExp(RESOLVED_MARK, "gi"), "").trim(),
    at: it.published,
    status,
    resolved: status === "resolved" || RESOLVED_MARK.test(rest),
    impact,
    componentStatus,
    link: it.link,
    body: awsBody(it.html),
  };
}

/**
 * One service's items, oldest first, as events: an item continues the event before it when it
 * follows within EVENT_GAP_MS and, if that event was already resolved, carries the same headline
 * (AWS often posts a root-cause summary after the resolution).
 */
function groupEvents(items: Item[]): Item[][] {
  const events: Item[][] = [];
  for (const it of items) {
    const event = events.at(-1);
    const last = event?.at(-1);
    const gap = last ? Date.parse(it.at) - Date.parse(last.at) : Infinity;
    if (event && last && gap <= EVENT_GAP_MS && (!last.resolved || last.title === it.title)) event.push(it);
    else events.push([it]);
  }
  return events;
}

function toIncident(event: Item[]): SnapshotIncident {
  const first = event[0]!;
  const last = event.at(-1)!;
  const resolved = last.resolved;
  const updates = event.map((it, i) => ({
    // Earlier items keep their own prefix: the [RESOLVED] mark AWS adds later is not what they said.
    status: resolved && i === event.length - 1 ? ("resolved" as const) : it.status,
    body: it.body,
    at: it.at,
  }));
  return {
    id: first.id,
    title: last.title,
    status: resolved ? "resolved" : "investigating",
    // An event AWS posted at all is at least minor, even one reported only after it was over.
    impact: worstImpact([...event.map((it) => it.impact), "minor"]),
    startedAt: first.at,
    resolvedAt: resolved ? last.at : null,
    url: last.link,
    componentIds: [first.key],
    updates: updates.reverse(),
  };
}

export function parseAwsRss(body: string): Snapshot {
  const feed = parseFeed(body);
  const feedName = feed.title.replace(/\s*Service Status$/i, "");
  const items = feed.items
    .map((it) => readItem(it, feedName))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  const byService = new Map<string, Item[]>();
  for (const it of items) byService.set(it.key, [...(byService.get(it.key) ?? []), it]);
  // A per-service feed names its one service in the channel title; all.rss only has the keys.
  const single = byService.size === 1 && !/^amazon web services$/i.test(feedName);

  const components: SnapshotComponent[] = [];
  const incidents: SnapshotIncident[] = [];
  for (const [key, list] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const events = groupEvents(list);
    const latest = events.at(-1)!.at(-1)!;
    const status: Status = latest.resolved ? "operational" : latest.componentStatus;
    components.push({ id: key, name: single && feedName ? feedName : key, group: null, status });
    incidents.push(...events.map(toIncident));
  }
  incidents.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || a.id.localeCompare(b.id));
  return {
    provider: "aws",
    status: worstStatus(
      components.map((c) => c.status),
      "operational",
    ),
    components,
    incidents,
    maintenances: [],
  };
}
