import { defaultFetcher, FetchError, type Fetcher } from "../net/fetch";
import { ProviderError } from "./errors";
import { proxyEndpoint } from "./incidentio";
import { pageBase } from "./poll";
import { under } from "./provider";
import { providers } from "./registry";
import { STATUSIO_API, statusioEndpoint } from "./statusio";
import { STATUSPAGE_ID, ULID } from "./statuspage-schema";
import type { ProviderId } from "./types";

export interface Detection {
  provider: ProviderId;
  endpoint: string | null;
  timeZone?: string | null;
  /** The name the page gives itself (Statuspage's and incident.io's summary), when it gives one. */
  name?: string;
}

export interface DetectOptions {
  fetcher?: Fetcher;
  /** status.io's API origin (tests point it at the fixture server). */
  statusioApiBase?: string;
  signal?: AbortSignal;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);
const jsonOf = (body: string): Json | null => {
  try {
    return obj(JSON.parse(body));
  } catch {
    return null;
  }
};

const STATUSPAGE_MARKERS = [
  /powered by\s*(<[^>]+>\s*)*atlassian statuspage/i,
  /dka575ofm4ao0\.cloudfront\.net/i,
  /window\.pageColorData/,
  /statuspage\.io\/slack_authentication\/kickoff/i,
  /data-react-class="HistoryIndex"/,
];
const STATUSIO_ID = [/api\.status\.io\/1\.0\/status\/([0-9a-f]{24})/i, /statuspage_?id\W{1,6}([0-9a-f]{24})/i];
const FEED_LINK = /<link\b[^>]*type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i;

/** Finds the provider behind a status page, in the order of docs/providers.md, "Detection". Throws ProviderError. */
export async function detectProvider(statusPageUrl: string, opts: DetectOptions = {}): Promise<Detection> {
  const base = pageBase(statusPageUrl);
  const fetcher = opts.fetcher ?? defaultFetcher();
  const tried: string[] = [];
  const failures: FetchError[] = [];

  for (const p of providers) {
    if (p.matchesHost?.(base) && p.defaultEndpoint) return { provider: p.id, endpoint: p.defaultEndpoint(base) };
  }

  /** GET a probe URL; on failure note it in `tried` and return null. Blocked addresses abort. */
  const probe = async (label: string, url: string): Promise<string | null> => {
    try {
      const init = { headers: { accept: "application/json, text/html;q=0.9, */*;q=0.5" }, signal: opts.signal };
      return (await fetcher(url, init)).body;
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      if (err.kind === "blocked") {
        // Name the page the user gave, not our probe path, when the block is about that host.
        const sameHost = new URL(err.url).host === base.host;
        const message = sameHost ? err.message.replace(err.url, base.href) : err.message;
        throw new ProviderError("blocked", message, { url: sameHost ? base.href : err.url });
      }
      failures.push(err);
      tried.push(`${label} (${new URL(url).pathname}: ${err.status ?? err.kind})`);
      // A host that refuses connections or has no DNS will not answer the next probe either.
      if (err.kind === "unreachable") throw new ProviderError("unreachable", err.message, { url: err.url, tried });
      return null;
    }
  };
  const miss = (label: string, url: string, why: string) => tried.push(`${label} (${new URL(url).pathname}: ${why})`);

  const proxy = proxyEndpoint(base);
  const proxyBody = await probe("incidentio", proxy);
  if (proxyBody !== null) {
    const s = obj(jsonOf(proxyBody)?.summary);
    if (s && obj(s.structure)) return { provider: "incidentio", endpoint: proxy };
    miss("incidentio", proxy, "not incident.io JSON");
  }

  const summaryUrl = under(base, "api/v2/summary.json");
  const summary = await probe("statuspage", summaryUrl);
  if (summary !== null) {
    const j = jsonOf(summary);
    const page = obj(j?.page);
    const id = typeof page?.id === "string" ? page.id : "";
    if (page && obj(j?.status)) {
      const timeZone = typeof page.time_zone === "string" ? page.time_zone : null;
      const named = typeof page.name === "string" && page.name.trim() ? { name: page.name.trim().slice(0, 100) } : {};
      if (ULID.test(id)) return { provider: "incidentio", endpoint: summaryUrl, timeZone, ...named };
      if (STATUSPAGE_ID.test(id)) return { provider: "statuspage", endpoint: summaryUrl, timeZone, ...named };
    }
    miss("statuspage", summaryUrl, "not Statuspage JSON");
  }

  const instatusUrl = under(base, "summary.json");
  const inst = await probe("instatus", instatusUrl);
  if (inst !== null) {
    const j = jsonOf(inst);
    const status = obj(j?.page)?.status;
    if (
      typeof status === "string" &&
      /^(UP|HASISSUES|UNDERMAINTENANCE)$/.test(status) &&
      j &&
      ("activeIncidents" in j || "activeMaintenances" in j)
    ) {
      return { provider: "instatus", endpoint: instatusUrl };
    }
    miss("instatus", instatusUrl, "not Instatus JSON");
  }

  const indexUrl = under(base, "index.json");
  const idx = await probe("betterstack", indexUrl);
  if (idx !== null) {
    const data = obj(jsonOf(idx)?.data);
    if (data?.type === "status_page" && obj(data.attributes)) return { provider: "betterstack", endpoint: indexUrl };
    miss("betterstack", indexUrl, "not Better Stack JSON");
  }

  const html = await probe("html", base.href);
  if (html !== null) {
    for (const re of STATUSIO_ID) {
      const id = re.exec(html)?.[1];
      if (id)
        return {
          provider: "statusio",
          endpoint: statusioEndpoint(id.toLowerCase(), opts.statusioApiBase ?? STATUSIO_API),
        };
    }
    if (STATUSPAGE_MARKERS.some((re) => re.test(html))) return { provider: "statuspage", endpoint: summaryUrl };
    miss("statusio/statuspage html", base.href, "no markers");
  }

  const cachetUrl = under(base, "api/v1/components");
  const cachetBody = await probe("cachet", cachetUrl);
  if (cachetBody !== null) {
    const j = jsonOf(cachetBody);
    if (obj(obj(j?.meta)?.pagination) && Array.isArray(j?.data)) return { provider: "cachet", endpoint: cachetUrl };
    miss("cachet", cachetUrl, "not Cachet JSON");
  }

  if (html !== null) {
    // The URL may itself be a feed (StatusIQ, Azure, history.rss), or the page may link one.
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed)\b/i.test(html))
      return { provider: "rss", endpoint: base.href };
    const href = /href=["']([^"']+)["']/i.exec(FEED_LINK.exec(html)?.[0] ?? "")?.[1];
    if (href) return { provider: "rss", endpoint: new URL(href.replace(/&amp;/g, "&"), base).href };
    miss("rss", base.href, "no feed link");
  }

  const allNetwork =
    failures.length > 0 &&
    tried.length === failures.length &&
    failures.every((f) => f.kind === "unreachable" || f.kind === "timeout");
  const first = failures[0];
  if (allNetwork && first) throw new ProviderError(first.kind, first.message, { url: first.url, tried });
  throw new ProviderError("unrecognised", `unrecognised format: tried ${tried.join(", ")}`, { url: base.href, tried });
}
