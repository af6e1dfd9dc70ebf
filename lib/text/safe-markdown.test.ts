import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeText } from "@/components/text/safe-text";
import { parseSafeMarkdown, safeHref, toPlainText } from "@/lib/text/safe-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SafeText, { text }));

describe("parseSafeMarkdown", () => {
  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    const doc = parseSafeMarkdown("First line\nsecond line\n\n\nNext paragraph");
    expect(doc).toHaveLength(2);
    expect(doc[0]?.children).toEqual([
      { type: "text", text: "First line" },
      { type: "br" },
      { type: "text", text: "second line" },
    ]);
  });

  it("parses bold, Markdown links and bare links", () => {
    const [p] = parseSafeMarkdown(
      "**Fixed**: see [the post](https://status.example.com/x) or https://example.com/a(b).",
    );
    expect(p?.children).toEqual([
      { type: "strong", children: [{ type: "text", text: "Fixed" }] },
      { type: "text", text: ": see " },
      { type: "link", href: "https://status.example.com/x", text: "the post" },
      { type: "text", text: " or " },
      { type: "link", href: "https://example.com/a(b)", text: "https://example.com/a(b)" },
      { type: "text", text: "." },
    ]);
  });

  it("accepts only absolute http(s) URLs", () => {
    expect(safeHref("https://ok.example/")).toBe("https://ok.example/");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>",
      "//evil.example",
      "/relative",
      "vbscript:x",
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe("SafeText", () => {
  it("renders script and img tags as text, never as elements", () => {
    const html = render(`<script>alert(1)</script>\n<img src=x onerror="alert(2)">`);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("never produces a javascript: or data: link", () => {
    const html = render(
      "[click](javascript:alert(1)) [x](data:text/html;base64,PHNjcmlwdD4=) [y](JAVASCRIPT:alert(1))",
    );
    expect(html).not.toMatch(/href=/i);
    expect(html).toContain("click");
  });

  it("does not let a link label or URL break out of the attribute", () => {
    const html = render(`[<b>x</b>](https://e.example/"onmouseover="alert(1)) https://e.example/?q="><script>`);
    expect(html).not.toMatch(/<script|<b>|onmouseover="/);
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it("marks links nofollow noopener and renders bold and breaks", () => {
    const html = render("**Resolved**\nDetails at https://status.example.com.");
    expect(html).toBe(
      '<div class="space-y-2 break-words"><p><strong>Resolved</strong><br/>Details at <a href="https://status.example.com/" rel="nofollow noopener" class="break-words underline underline-offset-2">https://status.example.com</a>.</p></div>',
    );
  });

  it("renders nothing for empty text", () => {
    expect(render("  \n ")).toBe("");
  });
});

describe("toPlainText", () => {
  it("drops markup and keeps link labels", () => {
    expect(toPlainText("## Root cause\nA **config** change.\n\nSee [postmortem](https://e.example/pm).")).toBe(
      "Root cause A config change. See postmortem.",
    );
  });
});

describe("link targets with parentheses", () => {
  it("drops a javascript: target whole, keeping only the label", () => {
    expect(render("[bad](javascript:alert(1)) ok")).toBe('<div class="space-y-2 break-words"><p>bad ok</p></div>');
  });
});
