import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentSummary } from "@/components/incident/incident-summary";
import { JsonLd } from "@/components/seo/json-ld";
import { ComponentGroups } from "@/components/vendor-page/component-groups";
import { MaintenanceList } from "@/components/vendor-page/maintenance-list";
import { ReliabilityStats } from "@/components/vendor-page/reliability-stats";
import { SignupCta } from "@/components/vendor-page/signup-cta";
import { appUrl } from "@/env";
import { getVendorDetail, getVendorReliability, getVendorStrips } from "@/lib/data/cached";
import { observedPeriod } from "@/lib/data/observed-period";
import { UPTIME_DAYS } from "@/lib/data/uptime";
import { RECENT_INCIDENT_DAYS } from "@/lib/data/vendor-detail";
import { upcomingMaintenances } from "@/lib/feeds/ical";
import { watchedFor } from "@/lib/text/format";
import { VendorHeader } from "./vendor-header";
import { Section } from "./section";

export const revalidate = 300;

/** None at build time; each vendor page is rendered on first request, then served from cache. */
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  if (!detail) return { title: "Vendor not found", robots: { index: false } };
  const name = detail.vendor.name;
  const canonical = `/vendors/${slug}`;
  const title = `Is ${name} down? ${name} status and outages`;
  const description = `Live status of ${name}, its components and incidents of the last 30 days, checked every 30 seconds from ${name}'s official status page.`;
  return {
    title,
    description,
    alternates: {
      canonical,
      types: { "application/rss+xml": `${canonical}/feed.rss`, "application/atom+xml": `${canonical}/feed.atom` },
    },
    openGraph: { type: "website", url: canonical, title, description, siteName: "Vendorwatch" },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function VendorPage({ params }: Props) {
  const { slug } = await params;
  const [detail, stats, strips] = await Promise.all([
    getVendorDetail(slug),
    getVendorReliability(slug),
    getVendorStrips(slug),
  ]);
  if (!detail || !strips) notFound();
  const { vendor } = detail;
  // "now" is the render time: the page is cached, and these lists only move on a poll, which
  // revalidates it.
  const now = new Date();
  const active = detail.incidents.filter((i) => !i.resolvedAt);
  const recent = detail.incidents.filter((i) => i.resolvedAt);
  const ongoingMaintenance = detail.maintenances.filter((m) => m.status === "in_progress");
  const upcoming = upcomingMaintenances(detail.maintenances, now).filter((m) => m.status === "scheduled");
  const url = `${appUrl()}/vendors/${vendor.slug}`;
  const watched = observedPeriod(detail.watchedSince ? new Date(detail.watchedSince) : null, now, UPTIME_DAYS);

  return (
    <article className="space-y-10">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebPage",
          name: `${vendor.name} status`,
          url,
          about: {
            "@type": "Organization",
            name: vendor.name,
            ...(vendor.homepageUrl ? { url: vendor.homepageUrl } : {}),
            logo: vendor.logoUrl ?? `${appUrl()}/vendors/${encodeURIComponent(vendor.slug)}/logo.svg`,
          },
        }}
      />
      <VendorHeader detail={detail} />

      {(active.length > 0 || ongoingMaintenance.length > 0) && (
        <Section id="current" title="Happening now">
          {active.length > 0 && (
            <ul className="divide-y rounded-lg border-2 border-status-partial" aria-label="Current incidents">
              {active.map((i) => (
                <IncidentSummary key={i.id} slug={vendor.slug} incident={i} />
              ))}
            </ul>
          )}
          {ongoingMaintenance.length > 0 && (
            <MaintenanceList items={ongoingMaintenance} label="Maintenance in progress" />
          )}
        </Section>
      )}

      <SignupCta context="vendor" vendorName={vendor.name} vendorSlug={vendor.slug} />

      <Section id="components" title="Components">
        <p className="text-sm text-muted-foreground">
          {watched === null
            ? `Vendorwatch has not read ${vendor.name}'s status page yet: no components or uptime to show.`
            : watched.whole
              ? `Vendorwatch tracks these components of ${vendor.name}, with their uptime over the last ${UPTIME_DAYS} days.`
              : `Vendorwatch tracks these components of ${vendor.name}, with their uptime since it started watching (${watchedFor(watched.days)}).`}
        </p>
        {watched !== null && (
          <ComponentGroups slug={vendor.slug} components={detail.components} strips={strips} now={now} />
        )}
      </Section>

      <Section id="incidents" title={`Incidents in the last ${RECENT_INCIDENT_DAYS} days`}>
        {watched === null ? (
          <p className="text-muted-foreground">Not checked yet: no incident history to show.</p>
        ) : recent.length === 0 ? (
          <p className="text-muted-foreground">
            {active.length ? "No resolved incidents" : "No incidents"} in the last {RECENT_INCIDENT_DAYS} days.
          </p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label={`Resolved incidents of ${vendor.name}`}>
            {recent.map((i) => (
              <IncidentSummary key={i.id} slug={vendor.slug} incident={i} />
            ))}
          </ul>
        )}
      </Section>

      <Section id="maintenances" title="Upcoming maintenance">
        {watched === null ? (
          <p className="text-muted-foreground">Not checked yet.</p>
        ) : upcoming.length === 0 ? (
          <p className="text-muted-foreground">No maintenance announced.</p>
        ) : (
          <MaintenanceList items={upcoming} label="Upcoming maintenance" />
        )}
      </Section>

      {stats && (
        <Section id="reliability" title="Reliability">
          <ReliabilityStats stats={stats} />
        </Section>
      )}
    </article>
  );
}
