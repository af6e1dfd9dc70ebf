"use client";

import { useId, useState } from "react";
import { dayLabel, runs, summarise } from "@/components/status/uptime-encoding";
import type { CompactDays } from "@/lib/data/uptime";
import type { Status } from "@/lib/domain/vocabulary";

const FILL: Record<Status, string> = {
  operational: "fill-status-operational",
  degraded: "fill-status-degraded",
  partial_outage: "fill-status-partial",
  major_outage: "fill-status-major",
  maintenance: "fill-status-maintenance",
  unknown: "fill-status-unknown",
};

/**
 * One bar per day, oldest on the left, drawn as a few runs of equal days. Hovering, or focusing
 * the strip and using the arrow keys, shows a day's uptime and worst status in words; the strip's
 * accessible name summarises the bad days, so colour is never the only signal.
 */
export function UptimeBars({ days, label }: { days: CompactDays; label: string }) {
  const count = days.statuses.length;
  const [active, setActive] = useState<number | null>(null);
  const gaps = `${useId()}-gaps`;
  const pick = (clientX: number, rect: DOMRect) =>
    setActive(Math.min(count - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * count))));
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowLeft") setActive((a) => Math.max(0, (a ?? count) - 1));
    else if (e.key === "ArrowRight") setActive((a) => Math.min(count - 1, (a ?? -1) + 1));
    else if (e.key === "Escape") setActive(null);
    else return;
    e.preventDefault();
  };
  return (
    <div className="relative">
      <svg
        role="img"
        aria-label={`${label}: ${summarise(days)}`}
        tabIndex={0}
        viewBox={`0 0 ${count} 10`}
        preserveAspectRatio="none"
        className="block h-8 w-full cursor-crosshair rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2"
        onMouseMove={(e) => pick(e.clientX, e.currentTarget.getBoundingClientRect())}
        onMouseLeave={() => setActive(null)}
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
      >
        <defs>
          {/* Thin gaps between days, drawn once over the whole strip. */}
          <pattern id={gaps} width="1" height="10" patternUnits="userSpaceOnUse">
            <rect x="0.88" width="0.12" height="10" className="fill-background" />
          </pattern>
        </defs>
        {runs(days).map((r) => (
          <rect
            key={r.start}
            x={r.start}
            width={r.length}
            height="10"
            className={r.status ? FILL[r.status] : "fill-muted-foreground/20"}
          />
        ))}
        <rect width={count} height="10" fill={`url(#${gaps})`} />
        {active !== null && <rect x={active} width="1" height="10" className="fill-foreground/30" />}
      </svg>
      <p role="status" aria-live="polite" className="mt-1 h-4 text-xs text-muted-foreground">
        {active !== null ? dayLabel(days, active) : ""}
      </p>
    </div>
  );
}
