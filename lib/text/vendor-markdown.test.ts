import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { safeHref, VendorMarkdown } from "@/lib/text/vendor-markdown";
import { vendorMarkdownToLine, vendorMarkdownToText } from "@/lib/text/vendor-text";

const render = (text: string) => renderToStaticMarkup(createElement(VendorMarkdown, { text }));

/** What must never come out of vendor text, whatever goes in. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|img|iframe|svg|style|object|embed|form|input(?![^>]*type="checkbox"))/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
  for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
  expect(html).not.toMatch(/<[^>]*\ssrc=/i);
}

const XSS: Array<[string, string]> = [
  ["javascript: link", "[click](javascript:alert(1))"],
  ["javascript: upper case", "[click](JaVaScRiPt:alert(1))"],
  ["javascript: behind an entity", "[click](&#106;avascript:alert(1))"],
  ["javascript: with a tab entity", "[click](java&#x09;script:alert(1))"],
  ["javascript: after a space", "[click]( javascript:alert(1))"],
  ["javascript: autolink", "<javascript:alert(1)>"],
  ["javascript: reference link", "[click][1]\n\n[1]: javascript:alert(1)"],
  ["data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["vbscript: link", "[click](vbscript:msgbox(1))"],
  ["protocol-relative link", "[click](//evil.example/x)"],
  ["raw script block", "<script>alert(1)</script>\n\nafter"],
  ["inline script", "before <script>alert(1)</script> after"],
  ["img onerror", `<img src=x onerror="alert(1)">`],
  ["Markdown image", "![pixel](https://tracker.example/p.png) ![x](javascript:alert(1))"],
  ["raw anchor", `<a href="javascript:alert(1)">click</a>`],
  ["svg onload", `<svg onload=alert(1)><circle/></svg>`],
  ["iframe", `<iframe src="https://evil.example"></iframe>`],
  ["style", `<style>body{display:none}</style>`],
  ["attribute breakout", `[a](https://e.example/"onmouseover="alert(1)) https://e.example/?q="><script>`],
  ["HTML comment", "<!-- <script>alert(1)</script> -->text"],
];

describe("VendorMarkdown: an XSS corpus stays inert", () => {
  it.each(XSS)("%s", (_name, text) => {
    expectInert(render(text));
    // Plain text is text: no tag survives, and no dangerous URL is appended to a label.
    expect(vendorMarkdownToText(text)).not.toMatch(/\((javascript|data|vbscript):|<(script|img|svg|iframe)/i);
  });

  it("keeps the words around what it drops", () => {
    expect(render("[click](javascript:alert(1)) ok")).toBe('<div class="space-y-2 break-words"><p>click ok</p></div>');
    expect(render("<script>alert(1)</script>\n\nafter")).toContain("<p>after</p>");
    expect(render("![pixel](https://tracker.example/p.png)")).toContain("<p>pixel</p>");
  });

  it("entity tricks are text, escaped on output", () => {
    const html = render("&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;");
    expectInert(html);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("VendorMarkdown: what vendors write", () => {
  it("a postmortem: headings, lists, inline code and escapes (ChargeOver's, shortened)", () => {
    const html = render(
      "## Root cause\nA single extra space \\(a single errant spacebar press!\\) broke the `docker-compose` file.\n\n" +
        "## Incident timeline\n* 10:21am CT - Change was merged.\n* 10:24am CT - Change was deployed.",
    );
    expect(html).toContain('<h3 class="font-semibold">Root cause</h3>');
    expect(html).toContain("(a single errant spacebar press!)");
    expect(html).toContain("<code");
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).not.toMatch(/##|\\\(|\* 10/);
  });

  it("links: Markdown, bare and www, all nofollow", () => {
    const html = render("See [the post](https://status.example.com/x), https://example.com/a(b). and www.example.org");
    expect(html).toContain('<a href="https://status.example.com/x" rel="nofollow noopener ugc"');
    expect(html).toContain('href="https://example.com/a(b)"');
    expect(html).toContain('href="http://www.example.org/"');
  });

  it("<br /> from Statuspage bodies is a line break; other HTML goes", () => {
    expect(render("One.<br />Two <b>bold</b>")).toBe(
      '<div class="space-y-2 break-words"><p>One.<br/>\nTwo bold</p></div>',
    );
  });

  it("renders nothing for empty text", () => {
    expect(render("  \n ")).toBe("");
  });

  it("accepts only absolute http(s) URLs", () => {
    expect(safeHref("https://ok.example/")).toBe("https://ok.example/");
    for (const bad of ["javascript:alert(1)", "data:text/html,<script>", "//evil.example", "/relative", "mailto:a@b.c"])
      expect(safeHref(bad)).toBeNull();
  });
});

describe("plain text from the same parse", () => {
  const postmortem = "## Root cause\nA **config** change.\n\n* one\n* two\n\nSee [postmortem](https://e.example/pm).";

  it("for email text parts and feeds: lines, list markers, link URLs", () => {
    expect(vendorMarkdownToText(postmortem)).toBe(
      "Root cause\n\nA config change.\n\n- one\n- two\n\nSee postmortem (https://e.example/pm).",
    );
    expect(vendorMarkdownToText("1. a\n2. b\n\n| x | y |\n|---|---|\n| 1 | 2 |")).toBe("1. a\n2. b\n\nx | y\n1 | 2");
    expect(vendorMarkdownToText("Line<br />\nnext https://e.example")).toBe("Line\nnext https://e.example");
  });

  it("for previews: one line, no URLs", () => {
    expect(vendorMarkdownToLine(postmortem)).toBe("Root cause A config change. - one - two See postmortem.");
    expect(vendorMarkdownToLine(postmortem, 16)).toBe("Root cause A con");
  });
});
