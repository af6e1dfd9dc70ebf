import type { Metadata } from "next";
import Link from "next/link";
import { ImpactLabel } from "@/components/incident/impact-label";
import { incidentHref } from "@/components/incident/incident-summary";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { StatusLabel } from "@/components/status/status-label";
import { getDownNow } from "@/lib/data/cached";
import { formatUtc } from "@/lib/text/format";
import { Pagination } from "@/app/vendors/pagination";

// Rendered per request from cached reads: a build-time prerender would freeze whatever database
// the build saw. The reads themselves are cached and revalidated by tag, so this costs no query.
export const dynamic = "force-dynamic";

// A bad day upstream puts hundreds of vendors here: one page of HTML per hundred, most severe first.
const PAGE_SIZE = 100;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function pageOf({ searchParams }: Props): Promise<number> {
  const raw = (await searchParams).page;
  const page = Number((Array.isArray(raw) ? raw[0] : raw) ?? "1");
  return Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await pageOf(props);
  return {
    title: "Down right now: vendors with an outage or incident",
    description:
      "Every cloud vendor Vendorwatch monitors that reports an incident or a degraded, partial or major outage right now, most severe first.",
    alternates: { canonical: page > 1 ? `/status?page=${page}` : "/status" },
  };
}

export default async function DownNowPage(props: Props) {
  const [all, requested] = await Promise.all([getDownNow(), pageOf(props)]);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(requested, pages);
  const vendors = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
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
        {all.length === 0
          ? "No monitored vendor reports a problem right now."
          : `${all.length} vendor${all.length === 1 ? "" : "s"} with a problem`}
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
      <Pagination page={page} pages={pages} params={{}} basePath="/status" />
    </div>
  );
}
