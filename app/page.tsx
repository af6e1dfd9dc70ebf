import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { StatusLabel } from "@/components/status/status-label";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SignupCta } from "@/components/vendor-page/signup-cta";
import { getDownNow, getSiteCounts } from "@/lib/data/cached";

// Rendered per request from cached reads: a build-time prerender would freeze whatever database
// the build saw. The reads themselves are cached and revalidated by tag, so this costs no query.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { alternates: { canonical: "/" } };

const HOME_DOWN_LIMIT = 5;

export default async function HomePage() {
  const [counts, down] = await Promise.all([getSiteCounts(), getDownNow()]);
  const approx = Math.floor(counts.monitored / 100) * 100;
  return (
    <div className="space-y-10">
      <AutoRefresh intervalMs={60_000} />
      <section aria-labelledby="hero-heading" className="space-y-4">
        <h1 id="hero-heading" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Is your vendor down?
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Vendorwatch reads the official status pages of the cloud vendors you depend on every 30 seconds, keeps their
          history, and tells you the moment something changes. Open source and self-hostable.
        </p>
        <form action="/vendors" method="get" role="search" aria-label="Vendors" className="flex max-w-xl gap-2">
          <label htmlFor="home-search" className="sr-only">
            Search vendors
          </label>
          <Input
            id="home-search"
            name="q"
            type="search"
            maxLength={100}
            placeholder={`Search ${approx.toLocaleString("en")}+ vendors, e.g. GitHub`}
          />
          <Button type="submit">Search</Button>
        </form>
      </section>
      <section aria-label="Live counts" className="grid gap-4 sm:grid-cols-2">
        <Link
          href="/vendors"
          className="rounded-lg border p-5 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <span className="block text-3xl font-semibold" data-testid="count-monitored">
            {counts.monitored.toLocaleString("en")}
          </span>
          <span className="text-muted-foreground">vendors monitored</span>
        </Link>
        <Link
          href="/status"
          className="rounded-lg border p-5 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <span className="block text-3xl font-semibold" data-testid="count-incidents">
            {counts.withIncident.toLocaleString("en")}
          </span>
          <span className="text-muted-foreground">
            {counts.withIncident === 1 ? "vendor" : "vendors"} with an incident right now
          </span>
        </Link>
      </section>
      <SignupCta context="home" />
      <section aria-labelledby="down-heading" className="space-y-3">
        <h2 id="down-heading" className="text-xl font-semibold">
          Down right now
        </h2>
        {down.length === 0 ? (
          <p className="text-muted-foreground">No monitored vendor reports a problem right now.</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {down.slice(0, HOME_DOWN_LIMIT).map((v) => (
              <li key={v.slug} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
                <Link
                  href={`/vendors/${encodeURIComponent(v.slug)}`}
                  className="font-medium underline-offset-2 hover:underline"
                >
                  {v.name}
                </Link>
                <StatusLabel status={v.status} className="text-sm" />
              </li>
            ))}
          </ul>
        )}
        {down.length > HOME_DOWN_LIMIT && (
          <Link href="/status" className="text-sm underline underline-offset-2">
            See all {down.length} vendors with a problem
          </Link>
        )}
      </section>
      <section aria-labelledby="how-heading" className="grid gap-4 sm:grid-cols-3">
        <h2 id="how-heading" className="sr-only">
          How Vendorwatch works
        </h2>
        {[
          [
            "Official sources only",
            "Every status comes from the vendor's own status page, with a link to it, and we say when we could not check.",
          ],
          [
            "History you can check",
            "90 days of uptime per component, every incident with its full timeline, mean time to resolve.",
          ],
          [
            "Feeds and embeds",
            "RSS and Atom per vendor, a maintenance calendar for your calendar app, and a live status badge.",
          ],
        ].map(([title, body]) => (
          <div key={title} className="rounded-lg border p-5">
            <h3 className="font-semibold">{title}</h3>
            <p className="mt-1 text-sm text-muted-foreground">{body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
