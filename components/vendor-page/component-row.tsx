import { StatusLabel } from "@/components/status/status-label";
import { UptimeBars } from "@/components/status/uptime-bars";
import type { CompactDays } from "@/lib/data/uptime";
import { UPTIME_DAYS } from "@/lib/data/uptime";
import type { ComponentView } from "@/lib/data/vendor-detail";
import { uptimeSummary } from "@/lib/text/format";

/**
 * One component with its strip. Rendered on the server for small groups and in the browser for
 * a large group opened by the reader, so it imports nothing server-only.
 */
export function ComponentRow({ c, days, now }: { c: ComponentView; days: CompactDays | undefined; now: Date }) {
  return (
    <li data-testid="component-row" data-component-id={c.id} className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <span className="font-medium" data-testid="component-name">
          {c.name}
        </span>
        <span className="flex items-center gap-3 text-sm">
          <span className="text-muted-foreground">{uptimeSummary(c.uptime90d, c.uptimeSince, now, UPTIME_DAYS)}</span>
          <StatusLabel status={c.status} />
        </span>
      </div>
      {days && <UptimeBars days={days} label={`${c.name}: daily uptime over the last ${UPTIME_DAYS} days`} />}
    </li>
  );
}
