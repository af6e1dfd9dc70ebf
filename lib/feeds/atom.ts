import { incidentHtml } from "@/lib/feeds/feed-html";
import { type FeedInput, incidentUpdatedAt, incidentUrl, vendorUrl } from "@/lib/feeds/types";
import { escapeXml } from "@/lib/feeds/xml";

const rfc3339 = (iso: string) => new Date(iso).toISOString();

/** Atom 1.0 (RFC 4287) of a vendor's incidents: same content as the RSS feed. */
export function buildAtom({ vendor, incidents, baseUrl, now }: FeedInput): string {
  const page = vendorUrl(baseUrl, vendor.slug);
  const sorted = [...incidents].sort((a, b) => (incidentUpdatedAt(a) < incidentUpdatedAt(b) ? 1 : -1));
  const updated = sorted[0] ? incidentUpdatedAt(sorted[0]) : now.toISOString();
  const entries = sorted.map((i) => {
    const link = incidentUrl(baseUrl, vendor.slug, i.id);
    return [
      "<entry>",
      `<id>${escapeXml(link)}</id>`,
      `<title type="text">${escapeXml(i.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `<published>${rfc3339(i.startedAt)}</published>`,
      `<updated>${rfc3339(incidentUpdatedAt(i))}</updated>`,
      `<category term="${escapeXml(i.impact)}"/>`,
      `<content type="html">${escapeXml(incidentHtml(i))}</content>`,
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(page)}</id>`,
    `<title type="text">${escapeXml(`${vendor.name} status incidents`)}</title>`,
    `<subtitle type="text">${escapeXml(`Incidents reported on the official status page of ${vendor.name}, as seen by Vendorwatch.`)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${page}/feed.atom`)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    `<updated>${rfc3339(updated)}</updated>`,
    "<author><name>Vendorwatch</name></author>",
    '<generator uri="https://github.com/vendorwatch/vendorwatch">Vendorwatch</generator>',
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
