import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { NASTY, feedInput } from "@/lib/feeds/fixtures.test-helpers";
import { buildAtom } from "@/lib/feeds/atom";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "entry" || name === "link",
});

describe("buildAtom", () => {
  it("is a well-formed Atom feed with the required elements", () => {
    const xml = buildAtom(feedInput());
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://vw.example.org/vendors/acme");
    expect(feed.title["#text"]).toBe("Acme & <Co> status incidents");
    expect(feed.updated).toBe("2026-11-20T11:30:00.000Z");
    expect(feed.author.name).toBe("Vendorwatch");
    const rels = feed.link.map((l: { "@rel": string }) => l["@rel"]);
    expect(rels).toEqual(["self", "alternate"]);
  });

  it("escapes vendor text in entries", () => {
    const xml = buildAtom(feedInput());
    expect(xml).not.toMatch(/<script|<img/);
    const entry = parser.parse(xml).feed.entry[0];
    expect(entry.title["#text"]).toBe(NASTY);
    expect(entry.id).toBe("https://vw.example.org/vendors/acme/incidents/abc%2F1%202");
    expect(entry.published).toBe("2026-11-20T10:00:00.000Z");
    expect(entry.content["@type"]).toBe("html");
    // Update bodies are vendor Markdown: raw HTML in them is dropped, the rest escaped as text.
    expect(entry.content["#text"]).toContain("Outage alert(&quot;x&quot;) &amp; &quot;quotes&quot;");
    expect(entry.content["#text"]).not.toMatch(/&lt;(script|img)/);
  });

  it("uses now as updated for a feed without entries", () => {
    const feed = parser.parse(buildAtom(feedInput([]))).feed;
    expect(feed.updated).toBe("2026-11-21T00:00:00.000Z");
    expect(feed.entry).toBeUndefined();
  });
});
