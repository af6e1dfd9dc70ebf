import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { VendorMarkdown } from "@/lib/text/vendor-markdown";
import { vendorMarkdownToText } from "@/lib/text/vendor-text";
import { PAYLOADS } from "../fixtures/manifest";
import { fixture } from "../fixture-server";

/** Every update body of every recorded payload, through the page renderer and the plain text. */
const bodies = PAYLOADS.flatMap((p) =>
  parsePayload(
    p.provider,
    { [p.key]: fixture(p.file).toString("utf8") },
    { now: Date.parse("2026-01-01T00:00:00Z") },
  ).incidents.flatMap((i) => i.updates.map((u) => ({ file: p.file, body: u.body }))),
);
const render = (text: string) => renderToStaticMarkup(createElement(VendorMarkdown, { text }));
const ALLOWED = new Set([
  "div",
  "p",
  "br",
  "strong",
  "em",
  "del",
  "a",
  "h3",
  "h4",
  "h5",
  "ul",
  "ol",
  "li",
  "code",
  "pre",
]);
const ALLOWED_MORE = new Set(["blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "input"]);

describe("recorded incident bodies", () => {
  it("there are many of them", () => {
    expect(bodies.length).toBeGreaterThan(900);
  });

  it("render with our elements only and links only to http(s); plain text keeps no markup", () => {
    const tags = new Set<string>();
    for (const { file, body } of bodies) {
      const html = render(body);
      for (const [, tag] of html.matchAll(/<([a-z0-9]+)/g)) tags.add(tag as string);
      for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
      const text = vendorMarkdownToText(body);
      expect(text, file).not.toMatch(/^#{1,6} |\*\*|^\* |\\[()[\]]|<\/?(br|a|b|p|small|strong|var)\b/m);
    }
    expect([...tags].filter((t) => !ALLOWED.has(t) && !ALLOWED_MORE.has(t))).toEqual([]);
    // Google's postmortems carry headings, lists and bold; they must come out as such.
    expect([...tags]).toEqual(expect.arrayContaining(["h3", "ul", "li", "strong", "a"]));
  });

  it("AWS: the escaped HTML of a description becomes a line break and links", () => {
    const aws = bodies.filter((b) => b.file === "aws/ec2-ap-northeast-1-rss-2019-09.xml");
    const html = aws.map((b) => render(b.body)).join("");
    expect(html).toContain('<a href="https://aws.amazon.com/message/56489/" rel="nofollow noopener ugc"');
    expect(html).not.toContain("&lt;br&gt;");
  });
});
