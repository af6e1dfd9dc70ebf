import { IMPACT_TEXT, type Impact } from "@/lib/domain/vocabulary";
import { cn } from "@/lib/utils";

const IMPACT_STYLE: Record<Impact, string> = {
  none: "border-status-unknown/40",
  minor: "border-status-degraded",
  major: "border-status-partial",
  critical: "border-status-major",
};

/** Impact in words, with a coloured border as a secondary cue only. */
export function ImpactLabel({ impact, className }: { impact: Impact; className?: string }) {
  return (
    <span
      data-impact={impact}
      className={cn(
        "inline-flex items-center rounded-md border-2 px-1.5 py-0.5 text-xs font-medium",
        IMPACT_STYLE[impact],
        className,
      )}
    >
      {IMPACT_TEXT[impact]}
    </span>
  );
}
