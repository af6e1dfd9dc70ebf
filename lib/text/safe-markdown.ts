/**
 * Vendor incident text is Markdown-ish and untrusted. Instead of rendering HTML we parse the few
 * constructs worth keeping (paragraphs, line breaks, **bold**, http(s) links) into plain data;
 * React then renders it as text, so nothing a vendor writes can become markup or a script URL.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; href: string; text: string }
  | { type: "br" };

export interface Paragraph {
  type: "paragraph";
  children: Inline[];
}

// Link targets may hold one level of balanced parentheses, e.g. Wikipedia URLs.
const TOKEN = /\*\*([^*]+?)\*\*|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|(https?:\/\/[^\s<>"'`]+)/g;

/** Only absolute http(s) URLs survive; anything else (javascript:, data:, relative) is text. */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** Trailing punctuation usually ends the sentence, not the URL. */
function trimUrl(url: string): [string, string] {
  const m = /[.,;:!?)\]]+$/.exec(url);
  if (!m) return [url, ""];
  let cut = m[0];
  // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
  if (cut.startsWith(")") && (url.match(/\(/g) ?? []).length > (url.slice(0, -cut.length).match(/\)/g) ?? []).length)
    cut = cut.slice(1);
  return [url.slice(0, url.length - cut.length), cut];
}

function parseInline(text: string, allowBold = true): Inline[] {
  const out: Inline[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.type === "text") last.text += t;
    else out.push({ type: "text", text: t });
  };
  let index = 0;
  for (const m of text.matchAll(TOKEN)) {
    pushText(text.slice(index, m.index));
    index = m.index + m[0].length;
    const [whole, bold, label, target, bare] = m;
    if (bold !== undefined) {
      if (allowBold) out.push({ type: "strong", children: parseInline(bold, false) });
      else pushText(whole);
    } else if (label !== undefined && target !== undefined) {
      const href = safeHref(target);
      if (href) out.push({ type: "link", href, text: label });
      else pushText(label);
    } else if (bare !== undefined) {
      const [url, rest] = trimUrl(bare);
      const href = safeHref(url);
      if (href) out.push({ type: "link", href, text: url });
      else pushText(url);
      pushText(rest);
    }
  }
  pushText(text.slice(index));
  return out;
}

export function parseSafeMarkdown(source: string): Paragraph[] {
  const normalised = source.replace(/\r\n?/g, "\n").trim();
  if (!normalised) return [];
  return normalised.split(/\n[ \t]*\n+/).map((block) => {
    const children: Inline[] = [];
    block.split("\n").forEach((line, i) => {
      if (i > 0) children.push({ type: "br" });
      // A Markdown heading reads best as a bold line; the hashes are noise.
      const heading = /^#{1,6}\s+(.*)$/.exec(line.trim());
      if (heading?.[1]) children.push({ type: "strong", children: parseInline(heading[1], false) });
      else children.push(...parseInline(line));
    });
    return { type: "paragraph", children };
  });
}

/** The same text flattened to one plain line (markup dropped, link labels kept), for previews. */
export function toPlainText(source: string): string {
  const flatten = (nodes: Inline[]): string =>
    nodes
      .map((n) =>
        n.type === "text" ? n.text : n.type === "br" ? " " : n.type === "link" ? n.text : flatten(n.children),
      )
      .join("");
  return parseSafeMarkdown(source)
    .map((p) => flatten(p.children))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
