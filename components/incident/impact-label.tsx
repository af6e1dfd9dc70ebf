import type { Impact, MaintenanceStatus } from "@/lib/providers/types";
import { INCIDENT_STATUS_TEXT } from "@/lib/feeds/types";
import { cn } from "@/lib/utils";

export const IMPACT_TEXT: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
};

const IMPACT_STYLE: Record<Impact, string> = {
  none: "border-status-unknown/40",
  minor: "border-status-degraded",
  major: "border-status-partial",
  critical: "border-status-major",
};

export { INCIDENT_STATUS_TEXT };

export const MAINTENANCE_STATUS_TEXT: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
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
