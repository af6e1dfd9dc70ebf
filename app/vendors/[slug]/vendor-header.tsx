import { LiveStatus } from "@/components/vendor-page/live-status";
import { VendorLogo } from "@/components/vendor-page/vendor-logo";
import type { VendorDetail } from "@/lib/data/vendor-detail";

/** Name, logo, live status and the vendor's own links; route-private to the vendor page. */
export function VendorHeader({ detail }: { detail: VendorDetail }) {
  const { vendor } = detail;
  const base = `/vendors/${encodeURIComponent(vendor.slug)}`;
  const initial = {
    slug: vendor.slug,
    status: detail.status,
    stale: detail.stale,
    lastCheckedAt: detail.lastCheckedAt,
    lastSuccessAt: detail.lastSuccessAt,
    lastError: detail.stale ? detail.lastError : null,
    openIncidents: detail.incidents.filter((i) => !i.resolvedAt).length,
  };
  return (
    <header className="space-y-4">
      <div className="flex items-center gap-4">
        <VendorLogo name={vendor.name} logoUrl={vendor.logoUrl} />
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{vendor.name} status</h1>
          {vendor.category && <p className="text-sm text-muted-foreground">{vendor.category}</p>}
        </div>
      </div>
      <LiveStatus initial={initial} vendorName={vendor.name} />
      <nav aria-label={`${vendor.name} links`} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <a href={vendor.statusPageUrl} rel="nofollow noopener" className="font-medium underline underline-offset-2">
          Official status page
        </a>
        {vendor.homepageUrl && (
          <a href={vendor.homepageUrl} rel="nofollow noopener" className="underline underline-offset-2">
            Website
          </a>
        )}
        <a href={`${base}/feed.rss`} className="underline underline-offset-2">
          RSS feed
        </a>
        <a href={`${base}/feed.atom`} className="underline underline-offset-2">
          Atom feed
        </a>
        <a href={`${base}/maintenances.ics`} className="underline underline-offset-2">
          Maintenance calendar
        </a>
        <a href={`${base}/badge.svg`} className="underline underline-offset-2">
          Status badge
        </a>
      </nav>
    </header>
  );
}
