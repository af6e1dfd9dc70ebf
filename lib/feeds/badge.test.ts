import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildBadge } from "@/lib/feeds/badge";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "text" || name === "rect",
});

describe("buildBadge", () => {
  it("is valid SVG with a title naming the vendor and its status", () => {
    const svg = buildBadge({ name: "GitHub", status: "partial_outage" });
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root["@xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(root["@role"]).toBe("img");
    expect(root.title).toBe("GitHub: partial outage");
    expect(root.g.text.map((t: { "#text": string }) => t["#text"])).toEqual(["GitHub", "partial outage"]);
    expect(Number(root["@width"])).toBeGreaterThan(60);
  });

  it("escapes a hostile vendor name", () => {
    const svg = buildBadge({ name: `<script>alert(1)</script> & "Co"`, status: "operational" });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script");
    expect(parser.parse(svg).svg.title).toBe(`<script>alert(1)</script> & "Co": operational`);
  });

  it("says when the data is stale instead of vouching for it", () => {
    const root = parser.parse(buildBadge({ name: "Acme", status: "operational", stale: true })).svg;
    expect(root.title).toBe("Acme: not checked");
  });
});
