import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { NASTY, feedInput, incident } from "@/lib/feeds/fixtures.test-helpers";
import { buildRss } from "@/lib/feeds/rss";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "item" });

describe("buildRss", () => {
  it("is well-formed RSS 2.0 with a self link and absolute URLs", () => {
    const xml = buildRss(feedInput());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.rss["@version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("Acme & <Co> status incidents");
    expect(channel.link).toBe("https://vw.example.org/vendors/acme");
    expect(channel["atom:link"]["@href"]).toBe("https://vw.example.org/vendors/acme/feed.rss");
    expect(channel.item).toHaveLength(1);
  });

  it("escapes vendor text instead of passing markup through", () => {
    const xml = buildRss(feedInput());
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<img");
    const item = parser.parse(xml).rss.channel.item[0];
    expect(item.title).toBe(NASTY);
    // The description is HTML that was escaped once for HTML and once for XML; update bodies are
    // vendor Markdown, so their raw HTML is dropped and the rest kept as text.
    expect(item.description).toContain("We are looking into it.<br/>Second line &amp; more");
    expect(item.description).toContain("Outage alert(&quot;x&quot;) &amp; &quot;quotes&quot;");
    expect(item.description).not.toMatch(/&lt;(script|img|b&gt;)/);
    expect(item.link).toBe("https://vw.example.org/vendors/acme/incidents/abc%2F1%202");
    expect(item.guid["#text"]).toBe(item.link);
    expect(item.pubDate).toBe(new Date("2026-11-20T11:30:00.000Z").toUTCString());
  });

  it("orders items by latest activity and handles an empty feed", () => {
    const older = incident({ id: "old", startedAt: "2026-11-01T00:00:00.000Z", resolvedAt: null, updates: [] });
    const items = parser.parse(buildRss(feedInput([older, incident()]))).rss.channel.item;
    expect(items.map((i: { link: string }) => i.link.split("/").pop())).toEqual(["abc%2F1%202", "old"]);
    const empty = buildRss(feedInput([]));
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).rss.channel.item).toBeUndefined();
  });
});
