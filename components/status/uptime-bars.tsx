import type { DayBar } from "@/lib/data/uptime";
import type { Status } from "@/lib/providers/types";
import { cn } from "@/lib/utils";

const BAR_COLOR: Record<Status, string> = {
  operational: "bg-status-operational",
  degraded: "bg-status-degraded",
  partial_outage: "bg-status-partial",
  major_outage: "bg-status-major",
  maintenance: "bg-status-maintenance",
  unknown: "bg-status-unknown",
};

const DAY_WORDS: Record<Status, string> = {
  operational: "operational",
  degraded: "degraded performance",
  partial_outage: "partial outage",
  major_outage: "major outage",
  maintenance: "maintenance",
  unknown: "status unknown",
};

/** 99.8%, 100%: floored, so a day with any outage never rounds up to 100%. */
export function formatUptime(value: number): string {
  return `${Math.floor(value * 10000) / 100}%`;
}

/** "2026-11-20: 99.8% uptime, partial outage" or "2026-11-20: no data". */
export function dayLabel(bar: DayBar): string {
  if (bar.worst === null) return `${bar.day}: no data`;
  const uptime = bar.uptime === null ? "uptime unknown" : `${formatUptime(bar.uptime)} uptime`;
  return `${bar.day}: ${uptime}, ${DAY_WORDS[bar.worst]}`;
}

/**
 * One bar per day, oldest on the left. Every bar carries its day, uptime and worst status in
 * words (title for the mouse, aria-label for screen readers): colour is never the only signal.
 */
export function UptimeBars({ days, label, className }: { days: DayBar[]; label: string; className?: string }) {
  return (
    <ol aria-label={label} className={cn("flex h-8 items-stretch gap-px", className)}>
      {days.map((bar) => {
        const text = dayLabel(bar);
        return (
          <li key={bar.day} className="flex min-w-0 flex-1">
            <span
              role="img"
              aria-label={text}
              title={text}
              className={cn("block w-full rounded-[1px]", bar.worst ? BAR_COLOR[bar.worst] : "bg-muted-foreground/20")}
            />
          </li>
        );
      })}
    </ol>
  );
}
