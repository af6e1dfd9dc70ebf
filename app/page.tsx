import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { getSiteCounts } from "@/lib/data/cached";

export const revalidate = 30;

export default async function HomePage() {
  const counts = await getSiteCounts();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Is your vendor down?</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Vendorwatch reads the official status pages of the cloud vendors you depend on every 30 seconds, keeps their
          history, and tells you the moment something changes. Open source and self-hostable.
        </p>
        <form action="/vendors" role="search" className="flex max-w-xl gap-2">
          <label htmlFor="home-search" className="sr-only">
            Search vendors
          </label>
          <Input id="home-search" name="q" type="search" placeholder="Search 1,000+ vendors, e.g. GitHub" />
          <Button type="submit">Search</Button>
        </form>
      </section>
      <section aria-label="Live counts" className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border p-5">
          <p className="text-3xl font-semibold" data-testid="count-monitored">
            {counts.monitored.toLocaleString("en")}
          </p>
          <p className="text-muted-foreground">vendors monitored</p>
        </div>
        <Link href="/status" className="rounded-lg border p-5 hover:bg-accent">
          <p className="text-3xl font-semibold" data-testid="count-incidents">
            {counts.withIncident.toLocaleString("en")}
          </p>
          <p className="text-muted-foreground">vendors with an incident right now</p>
        </Link>
      </section>
    </div>
  );
}
