import type { Metadata } from "next";
import Link from "next/link";
import { ImpactLabel } from "@/components/incident/impact-label";
import { incidentHref } from "@/components/incident/incident-summary";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { StatusLabel } from "@/components/status/status-label";
import { getDownNow } from "@/lib/data/cached";
import { formatUtc } from "@/lib/text/format";

// Rendered per request from cached reads: a build-time prerender would freeze whatever database
// the build saw. The reads themselves are cached and revalidated by tag, so this costs no query.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Down right now: vendors with an outage or incident",
  description:
    "Every cloud vendor Vendorwatch monitors that reports an incident or a degraded, partial or major outage right now, most severe first.",
  alternates: { canonical: "/status" },
};

export default async function DownNowPage() {
  const vendors = await getDownNow();
  return (
    <div className="space-y-6">
      <AutoRefresh intervalMs={30_000} />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Down right now</h1>
        <p className="text-muted-foreground">
          Vendors with an open incident or a degraded, partial or major outage on their official status page, most
          severe first. This page refreshes itself every 30 seconds.
        </p>
      </header>
      <p role="status" className="text-sm font-medium" data-testid="down-count">
        {vendors.length === 0
          ? "No monitored vendor reports a problem right now."
          : `${vendors.length} vendor${vendors.length === 1 ? "" : "s"} with a problem`}
      </p>
      {vendors.length > 0 && (
        <ul className="divide-y rounded-lg border" aria-label="Vendors with a problem">
          {vendors.map((v) => (
            <li key={v.slug} className="space-y-2 px-4 py-3" data-testid="down-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/vendors/${encodeURIComponent(v.slug)}`}
                  className="font-semibold underline-offset-2 hover:underline"
                >
                  {v.name}
                </Link>
                <span className="flex items-center gap-2 text-sm">
                  {v.stale && <span className="text-muted-foreground">(not checked recently)</span>}
                  <StatusLabel status={v.status} />
                </span>
              </div>
              {v.incidents.length > 0 && (
                <ul className="space-y-1 text-sm" aria-label={`Open incidents of ${v.name}`}>
                  {v.incidents.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center gap-2">
                      <Link href={incidentHref(v.slug, i.id)} className="underline underline-offset-2">
                        {i.title}
                      </Link>
                      <ImpactLabel impact={i.impact} />
                      <span className="text-muted-foreground">
                        since <time dateTime={i.startedAt}>{formatUtc(i.startedAt)}</time>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
