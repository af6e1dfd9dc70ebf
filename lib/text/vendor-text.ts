import { isValidElement, type ReactNode } from "react";
import Markdown from "react-markdown";
import { VENDOR_MARKDOWN } from "@/lib/text/vendor-markdown";

/**
 * Vendor Markdown as plain text, from the same parse the pages render (vendor-markdown.tsx):
 * for email text parts and feeds, where markup must not appear. Paragraphs, headings and list
 * items become lines; links keep their label and, when it differs, the URL in parentheses.
 */

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"]);

interface Props {
  children?: ReactNode;
  href?: string | null;
  alt?: string;
  type?: string;
  checked?: boolean;
}

/** Inside lists and tables the line ends between elements are layout, not text. */
const blockChildren = (children: ReactNode): ReactNode[] =>
  (Array.isArray(children) ? children : [children]).filter((c: ReactNode) => !(typeof c === "string" && !c.trim()));

function walk(node: ReactNode, urls: boolean, list?: { ordered: boolean; next: number }): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) {
    // A <br> is followed by the line end the HTML output keeps for readability: one break only.
    const afterBreak = (i: number) => isValidElement(node[i - 1]) && (node[i - 1] as { type: unknown }).type === "br";
    return node
      .map((n: ReactNode, i) => (typeof n === "string" && afterBreak(i) ? n.replace(/^\n/, "") : n))
      .map((n: ReactNode) => walk(n, urls, list))
      .join("");
  }
  if (!isValidElement<Props>(node)) return "";
  const tag = typeof node.type === "string" ? node.type : "";
  const { children, href, alt } = node.props;
  const inner = (l = list) => walk(children, urls, l);
  switch (tag) {
    case "br":
      return "\n";
    case "img":
      return alt ?? "";
    case "input":
      return node.props.type === "checkbox" ? (node.props.checked ? "[x]" : "[ ]") : "";
    case "a": {
      const label = inner();
      return urls && href && label.trim() !== href && `${label.trim()}/` !== href ? `${label} (${href})` : label;
    }
    case "ul":
    case "ol":
      return `\n\n${walk(blockChildren(children), urls, { ordered: tag === "ol", next: 1 })}\n\n`;
    case "li": {
      const marker = list?.ordered ? `${list.next++}. ` : "- ";
      return `\n${marker}${inner(undefined).trim()}`;
    }
    case "table":
      return `\n\n${walk(blockChildren(children), urls, list)}\n\n`;
    case "thead":
    case "tbody":
      return walk(blockChildren(children), urls, list);
    case "tr":
      return `\n${walk(blockChildren(children), urls, list)
        .trim()
        .replace(/\s*\|$/, "")}`;
    case "td":
    case "th":
      return `${inner().trim()} | `;
    default:
      return BLOCKS.has(tag) ? `\n\n${inner()}\n\n` : inner();
  }
}

function render(text: string, urls: boolean): string {
  return walk(Markdown({ ...VENDOR_MARKDOWN, children: text }), urls)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Plain text with line breaks and link URLs: email text parts, feed bodies. */
export function vendorMarkdownToText(text: string): string {
  return render(text, true);
}

/**
 * One line without URLs, for previews and meta descriptions; with `maxLength`, cut to that many
 * characters (only the start of a long postmortem is parsed).
 */
export function vendorMarkdownToLine(text: string, maxLength?: number): string {
  const source = maxLength === undefined ? text : text.slice(0, maxLength * 4);
  const line = render(source, false).replace(/\s+/g, " ").trim();
  return maxLength === undefined ? line : line.slice(0, maxLength);
}
