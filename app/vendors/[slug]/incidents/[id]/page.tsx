import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImpactLabel } from "@/components/incident/impact-label";
import { INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import { IncidentTimes, incidentHref } from "@/components/incident/incident-summary";
import { StatusLabel } from "@/components/status/status-label";
import { getIncidentDetail } from "@/lib/data/cached";
import { formatUtc } from "@/lib/text/format";
import { safeHref, VendorMarkdown } from "@/lib/text/vendor-markdown";
import { vendorMarkdownToLine } from "@/lib/text/vendor-text";

export const revalidate = 300;

/** Rendered on first request and cached, like the vendor page. */
export async function generateStaticParams(): Promise<Array<{ slug: string; id: string }>> {
  return [];
}

interface Props {
  params: Promise<{ slug: string; id: string }>;
}

/** Provider ids may contain reserved characters; links encode them, so decode exactly once. */
function incidentId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const detail = await getIncidentDetail(slug, incidentId(id));
  if (!detail) return { title: "Incident not found", robots: { index: false } };
  const { vendor, incident } = detail;
  const first = incident.updates[0];
  return {
    title: `${incident.title}: ${vendor.name} incident`,
    description: first
      ? vendorMarkdownToLine(first.body, 200)
      : `${vendor.name} incident from ${formatUtc(incident.startedAt)}.`,
    alternates: { canonical: incidentHref(vendor.slug, incident.id) },
    openGraph: {
      type: "article",
      url: incidentHref(vendor.slug, incident.id),
      title: `${vendor.name}: ${incident.title}`,
    },
  };
}

export default async function IncidentPage({ params }: Props) {
  const { slug, id } = await params;
  const detail = await getIncidentDetail(slug, incidentId(id));
  if (!detail) notFound();
  const { vendor, incident } = detail;
  const official = (incident.url && safeHref(incident.url)) ?? vendor.statusPageUrl;

  return (
    <article className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/vendors" className="underline-offset-2 hover:underline">
              Vendors
            </Link>{" "}
            /
          </li>
          <li>
            <Link href={`/vendors/${encodeURIComponent(vendor.slug)}`} className="underline-offset-2 hover:underline">
              {vendor.name}
            </Link>{" "}
            /
          </li>
          <li aria-current="page">Incident</li>
        </ol>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{incident.title}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <ImpactLabel impact={incident.impact} />
          <span className="font-medium" data-testid="incident-status">
            {INCIDENT_STATUS_TEXT[incident.status]}
          </span>
          <span className="text-sm text-muted-foreground">· {vendor.name}</span>
        </p>
        <IncidentTimes startedAt={incident.startedAt} resolvedAt={incident.resolvedAt} />
        <p>
          <a href={official} rel="nofollow noopener" className="text-sm font-medium underline underline-offset-2">
            {incident.url ? "Official incident post" : "Official status page"}
          </a>
        </p>
      </header>

      <section aria-labelledby="affected-heading" className="space-y-2">
        <h2 id="affected-heading" className="text-xl font-semibold">
          Affected components
        </h2>
        {incident.components.length === 0 ? (
          <p className="text-muted-foreground">{vendor.name} did not list affected components.</p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label="Affected components">
            {incident.components.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>{c.group ? `${c.group}: ${c.name}` : c.name}</span>
                <span className="text-sm">
                  <span className="sr-only">Current status: </span>
                  <StatusLabel status={c.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-2">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          Timeline
        </h2>
        {incident.updates.length === 0 ? (
          <p className="text-muted-foreground">No updates were posted.</p>
        ) : (
          <ol className="space-y-4 border-l-2 pl-4" aria-label="Incident updates, oldest first">
            {incident.updates.map((u, i) => (
              <li key={`${u.at}-${i}`} className="space-y-1" data-testid="incident-update">
                <p className="text-sm">
                  <span className="font-semibold">{INCIDENT_STATUS_TEXT[u.status]}</span>{" "}
                  <time dateTime={u.at} className="text-muted-foreground">
                    {formatUtc(u.at)}
                  </time>
                </p>
                <VendorMarkdown text={u.body} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
