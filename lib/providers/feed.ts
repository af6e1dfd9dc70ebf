import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { ParseError } from "./provider";
import { toUtcOrNull } from "./time";

/** RSS 2.0 / Atom reduced to what incident heuristics need. */
export interface FeedItem {
  id: string;
  title: string;
  link: string | null;
  /** HTML or text body (description / content / summary). */
  html: string;
  published: string | null;
  /** Statuspage feeds mark maintenances with <maintenanceEndDate>. */
  maintenanceEnd: string | null;
}
export interface Feed {
  title: string;
  description: string;
  generator: string;
  atom: boolean;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

const text = z
  .union([z.string(), z.number(), z.object({ "#text": z.union([z.string(), z.number()]).optional() }).passthrough()])
  .nullish();
const node = z.record(z.string(), z.unknown());
const rss = z.object({ rss: z.object({ channel: node }) });
const atom = z.object({ feed: node });

function asText(v: unknown): string {
  const t = text.safeParse(v);
  if (!t.success || t.data == null) return "";
  const d = t.data;
  return typeof d === "object" ? String(d["#text"] ?? "") : String(d);
}

function linkOf(v: unknown): string | null {
  if (!Array.isArray(v)) return null;
  for (const l of v) {
    if (typeof l === "string" && l) return l;
    if (l && typeof l === "object") {
      const o = l as Record<string, unknown>;
      if (typeof o["@_href"] === "string" && (o["@_rel"] === undefined || o["@_rel"] === "alternate"))
        return o["@_href"];
    }
  }
  return null;
}

const items = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [];

export function parseFeed(xml: string | undefined): Feed {
  if (xml === undefined) throw new ParseError("feed: missing body");
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (err) {
    throw new ParseError(`feed: not XML (${(err as Error).message.split("\n")[0]})`);
  }
  const r = rss.safeParse(doc);
  if (r.success) {
    const ch = r.data.rss.channel;
    return {
      title: asText(ch.title),
      description: asText(ch.description),
      generator: asText(ch.generator),
      atom: false,
      items: items(ch.item).map((it) => {
        const title = asText(it.title);
        const link = linkOf(it.link);
        return {
          id: asText(it.guid) || link || title,
          title,
          link,
          html: asText(it.description),
          published: toUtcOrNull(asText(it.pubDate) || asText(it["dc:date"]) || null),
          maintenanceEnd: toUtcOrNull(asText(it.maintenanceEndDate) || null),
        };
      }),
    };
  }
  const a = atom.safeParse(doc);
  if (a.success) {
    const f = a.data.feed;
    return {
      title: asText(f.title),
      description: asText(f.subtitle),
      generator: asText(f.generator),
      atom: true,
      items: items(f.entry).map((e) => {
        const title = asText(e.title);
        const link = linkOf(e.link);
        return {
          id: asText(e.id) || link || title,
          title,
          link,
          html: asText(e.content) || asText(e.summary),
          published: toUtcOrNull(asText(e.published) || asText(e.updated) || null),
          maintenanceEnd: null,
        };
      }),
    };
  }
  throw new ParseError("feed: neither RSS nor Atom");
}
