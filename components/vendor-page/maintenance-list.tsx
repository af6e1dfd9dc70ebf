import { MAINTENANCE_STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { VendorDetail } from "@/lib/data/vendor-detail";
import { formatDuration, formatUtc } from "@/lib/text/format";

type Maintenance = VendorDetail["maintenances"][number];

export function MaintenanceList({ items, label }: { items: Maintenance[]; label: string }) {
  return (
    <ul className="divide-y rounded-lg border" aria-label={label}>
      {items.map((m) => (
        <li key={m.id} className="space-y-1 px-4 py-3" data-testid="maintenance-row">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{m.title}</span>
            <span className="rounded-md border border-status-maintenance px-1.5 py-0.5 text-xs font-medium">
              {MAINTENANCE_STATUS_TEXT[m.status]}
            </span>
          </div>
          <p className="text-sm text-muted-foreground">
            {m.scheduledFor ? (
              <>
                <time dateTime={m.scheduledFor}>{formatUtc(m.scheduledFor)}</time>
                {m.scheduledUntil && (
                  <>
                    {" to "}
                    <time dateTime={m.scheduledUntil}>{formatUtc(m.scheduledUntil)}</time>
                    {` (${formatDuration(Date.parse(m.scheduledUntil) - Date.parse(m.scheduledFor))})`}
                  </>
                )}
              </>
            ) : (
              "Time not announced"
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
