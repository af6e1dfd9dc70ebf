import Link from "next/link";
import { ImpactLabel } from "@/components/incident/impact-label";
import { incidentHref } from "@/components/incident/incident-summary";
import { INCIDENT_STATUS_TEXT, MAINTENANCE_STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { FeedItem } from "@/lib/data/dashboard-feed";
import { formatUtc } from "@/lib/text/format";

function Item({ item }: { item: FeedItem }) {
  const vendorLink = (
    <Link
      href={`/vendors/${encodeURIComponent(item.vendor.slug)}`}
      className="text-sm text-muted-foreground underline-offset-2 hover:underline"
    >
      {item.vendor.name}
    </Link>
  );
  if (item.kind === "incident") {
    const i = item.incident;
    return (
      <li className="space-y-1 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {vendorLink}
          <Link href={incidentHref(item.vendor.slug, i.id)} className="font-medium underline-offset-2 hover:underline">
            {i.title}
          </Link>
        </div>
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-muted-foreground">
          <ImpactLabel impact={i.impact} />
          <span>{INCIDENT_STATUS_TEXT[i.status]}</span>
          <span>
            {i.resolvedAt ? "Resolved" : "Started"}{" "}
            <time dateTime={i.resolvedAt ?? i.startedAt}>{formatUtc(i.resolvedAt ?? i.startedAt)}</time>
          </span>
        </p>
      </li>
    );
  }
  const m = item.maintenance;
  return (
    <li className="space-y-1 px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {vendorLink}
        <span className="font-medium">{m.title}</span>
      </div>
      <p className="flex flex-wrap gap-x-3 text-sm text-muted-foreground">
        <span>Maintenance: {MAINTENANCE_STATUS_TEXT[m.status]}</span>
        {m.scheduledFor && (
          <span>
            <time dateTime={m.scheduledFor}>{formatUtc(m.scheduledFor)}</time>
            {m.scheduledUntil && (
              <>
                {" "}
                to <time dateTime={m.scheduledUntil}>{formatUtc(m.scheduledUntil)}</time>
              </>
            )}
          </span>
        )}
      </p>
    </li>
  );
}

/** A list of incidents and maintenances of the user's vendors (dashboard). */
export function FeedList({ items, label, empty }: { items: FeedItem[]; label: string; empty: string }) {
  if (!items.length) return <p className="text-muted-foreground">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y rounded-lg border">
      {items.map((item) => (
        <Item
          key={`${item.kind}:${item.vendor.slug}:${item.kind === "incident" ? item.incident.id : item.maintenance.id}`}
          item={item}
        />
      ))}
    </ul>
  );
}
