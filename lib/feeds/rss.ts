import { incidentHtml } from "@/lib/feeds/feed-html";
import { type FeedInput, incidentUpdatedAt, incidentUrl, vendorUrl } from "@/lib/feeds/types";
import { escapeXml } from "@/lib/feeds/xml";

const rfc822 = (iso: string) => new Date(iso).toUTCString();

/**
 * RSS 2.0 of a vendor's incidents, newest activity first. One item per incident with a stable
 * guid (its page), its updates in the description; pubDate moves with the latest update.
 */
export function buildRss({ vendor, incidents, baseUrl, now }: FeedInput): string {
  const page = vendorUrl(baseUrl, vendor.slug);
  const sorted = [...incidents].sort((a, b) => (incidentUpdatedAt(a) < incidentUpdatedAt(b) ? 1 : -1));
  const items = sorted.map((i) => {
    const link = incidentUrl(baseUrl, vendor.slug, i.id);
    return [
      "<item>",
      `<title>${escapeXml(i.title)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `<pubDate>${rfc822(incidentUpdatedAt(i))}</pubDate>`,
      `<category>${escapeXml(i.impact)}</category>`,
      `<description>${escapeXml(incidentHtml(i))}</description>`,
      "</item>",
    ].join("");
  });
  const lastBuild = sorted[0] ? incidentUpdatedAt(sorted[0]) : now.toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${escapeXml(`${vendor.name} status incidents`)}</title>`,
    `<link>${escapeXml(page)}</link>`,
    `<description>${escapeXml(`Incidents reported on the official status page of ${vendor.name}, as seen by Vendorwatch.`)}</description>`,
    `<atom:link href="${escapeXml(`${page}/feed.rss`)}" rel="self" type="application/rss+xml"/>`,
    "<language>en</language>",
    `<lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>`,
    "<ttl>5</ttl>",
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
