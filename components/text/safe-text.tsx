import { Fragment } from "react";
import { type Inline, parseSafeMarkdown } from "@/lib/text/safe-markdown";
import { cn } from "@/lib/utils";

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "br":
        return <br key={i} />;
      case "strong":
        return (
          <strong key={i}>
            <InlineNodes nodes={node.children} />
          </strong>
        );
      case "link":
        return (
          <a key={i} href={node.href} rel="nofollow noopener" className="break-words underline underline-offset-2">
            {node.text}
          </a>
        );
    }
  });
}

/** Renders untrusted vendor text (incident updates) safely: see lib/text/safe-markdown.ts. */
export function SafeText({ text, className }: { text: string; className?: string }) {
  const paragraphs = parseSafeMarkdown(text);
  if (!paragraphs.length) return null;
  return (
    <div className={cn("space-y-2 break-words", className)}>
      {paragraphs.map((p, i) => (
        <p key={i}>
          <InlineNodes nodes={p.children} />
        </p>
      ))}
    </div>
  );
}
