import Markdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";

/**
 * Vendor text (incident update bodies, postmortems) is untrusted Markdown, often with stray HTML.
 * It goes through one parse, react-markdown with GitHub-flavoured Markdown, which builds React
 * elements and never an HTML string: raw HTML is dropped (only <br> survives, as a line break),
 * and every URL that is not absolute http(s) is removed, so a link to it is plain text.
 * Pages and email HTML render `VendorMarkdown`; email text parts and feeds use the plain-text
 * functions in vendor-text.ts, which read the same parse.
 */

/** Only absolute http(s) URLs survive; anything else (javascript:, data:, relative) is dropped. */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\//i.test(raw.trim()) || !URL.canParse(raw.trim())) return null;
  const url = new URL(raw.trim());
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Statuspage bodies break lines with <br />: keep those as Markdown breaks, not as HTML. */
function remarkHtmlBreaks() {
  const walk = (node: MdNode) => {
    const children = node.children ?? [];
    children.forEach((child, i) => {
      if (child.type === "html" && /^<br\s*\/?>$/i.test(child.value?.trim() ?? "")) {
        child.type = "break";
        delete child.value;
        // "<br />" at the end of a source line: the line end after it is the same break.
        const next = children[i + 1];
        if (next?.type === "text" && next.value) next.value = next.value.replace(/^\n/, "");
      } else walk(child);
    });
  };
  return (tree: MdNode) => walk(tree);
}

/** The one parse every output shares. */
export const VENDOR_MARKDOWN: Readonly<Options> = {
  remarkPlugins: [remarkGfm, remarkHtmlBreaks],
  skipHtml: true,
  urlTransform: (url) => safeHref(url),
};

// Vendor headings sit under our own (the page's h1, the timeline's h2): start them at h3.
const heading = (Tag: "h3" | "h4" | "h5") =>
  function VendorHeading({ children }: { children?: React.ReactNode }) {
    return <Tag className="font-semibold">{children}</Tag>;
  };

/** Elements as pages show them; email templates may pass their own (inline styles). */
export const PAGE_COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow noopener ugc" className="break-words underline underline-offset-2">
        {children}
      </a>
    ) : (
      <>{children}</>
    ),
  // Images would load third-party pixels on our pages and in mail: their description stays.
  img: ({ alt }) => (alt ? <>{alt}</> : null),
  h1: heading("h3"),
  h2: heading("h3"),
  h3: heading("h4"),
  h4: heading("h5"),
  h5: heading("h5"),
  h6: heading("h5"),
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-muted px-1 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded bg-muted p-3 text-sm">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="border-l-2 pl-3 text-muted-foreground">{children}</blockquote>,
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table className="text-sm [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2">{children}</table>
    </div>
  ),
};

/** Renders vendor Markdown as React elements (pages, react-email templates). */
export function VendorMarkdown({
  text,
  className,
  components = PAGE_COMPONENTS,
}: {
  text: string;
  className?: string;
  components?: Components;
}) {
  if (!text.trim()) return null;
  return (
    <div className={cn("space-y-2 break-words", className)}>
      <Markdown {...VENDOR_MARKDOWN} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
