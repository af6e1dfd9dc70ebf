import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusLabel } from "@/components/status/status-label";
import { getVendorDetail } from "@/lib/data/cached";

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
  if (!detail) return { title: "Vendor not found" };
  const name = detail.vendor.name;
  return {
    title: `Is ${name} down? ${name} status and outages`,
    description: `Live status of ${name}, its components and incidents of the last 30 days, checked every 30 seconds from ${name}'s official status page.`,
    alternates: { canonical: `/vendors/${slug}` },
  };
}

export default async function VendorPage({ params }: Props) {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  if (!detail) notFound();
  const { vendor } = detail;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{vendor.name} status</h1>
        <p className="text-lg">
          <StatusLabel status={detail.status} />
        </p>
        <p className="text-sm text-muted-foreground">
          Last checked:{" "}
          {detail.lastCheckedAt ? <time dateTime={detail.lastCheckedAt}>{new Date(detail.lastCheckedAt).toUTCString()}</time> : "not yet"}
          {" · "}
          <a href={vendor.statusPageUrl} rel="noopener nofollow" className="underline">
            Official status page
          </a>
        </p>
      </header>
      <section aria-labelledby="components-heading" className="space-y-2">
        <h2 id="components-heading" className="text-xl font-semibold">
          Components
        </h2>
        {detail.components.length === 0 ? (
          <p className="text-muted-foreground">No components reported yet.</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {detail.components.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-4 px-4 py-2">
                <span>{c.group ? `${c.group} · ${c.name}` : c.name}</span>
                <StatusLabel status={c.status} className="text-sm" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="incidents-heading" className="space-y-2">
        <h2 id="incidents-heading" className="text-xl font-semibold">
          Incidents in the last 30 days
        </h2>
        {detail.incidents.length === 0 ? (
          <p className="text-muted-foreground">No incidents in the last 30 days.</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {detail.incidents.map((i) => (
              <li key={i.id} className="px-4 py-2">
                <p className="font-medium">{i.title}</p>
                <p className="text-sm text-muted-foreground">
                  {i.status} · impact {i.impact} · started <time dateTime={i.startedAt}>{new Date(i.startedAt).toUTCString()}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
