import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireAdmin } from "@/lib/admin";
import { catalogStats, failingVendors, findVendors, notificationQueues, pollerHealth } from "@/lib/data/admin-console";
import { CatalogSection } from "./catalog-section";
import { FailingSection } from "./failing-section";
import { Notice } from "./notice";
import { NotificationsSection } from "./notifications-section";
import { PollerSection } from "./poller-section";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string; notice?: string }> };

export default async function AdminPage({ searchParams }: Props) {
  await requireAdmin();
  const { q, notice } = await searchParams;
  const query = q?.trim().slice(0, 100) ?? "";
  const now = new Date();
  const [poller, failing, queues, catalog, found] = await Promise.all([
    pollerHealth(now),
    failingVendors(now),
    notificationQueues(now),
    catalogStats(),
    query ? findVendors(query) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Operator console</h1>
        <p className="text-muted-foreground">
          The whole fleet, from the database: pollers, failing vendors, notifications and the catalog.
        </p>
      </header>
      <Notice text={notice} />
      <form role="search" action="/admin" className="flex max-w-md gap-2">
        <label htmlFor="admin-q" className="sr-only">
          Find a vendor
        </label>
        <Input
          id="admin-q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Find a vendor by name, slug or URL"
        />
        <Button type="submit" variant="outline">
          Find
        </Button>
      </form>
      {found && (
        <ul aria-label="Vendors found" className="divide-y rounded-lg border text-sm">
          {found.length === 0 && <li className="px-3 py-2 text-muted-foreground">No vendor matches “{query}”.</li>}
          {found.map((v) => (
            <li key={v.slug} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <Link href={`/admin/vendors/${v.slug}`} className="font-medium underline-offset-2 hover:underline">
                {v.name}
              </Link>
              <span className="text-muted-foreground">
                {v.provider ?? "provider unknown"} · {v.enabled ? "enabled" : "disabled"}
                {v.consecutiveFailures ? ` · ${v.consecutiveFailures} failures` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <PollerSection data={poller} />
      <FailingSection data={failing} />
      <NotificationsSection data={queues} />
      <CatalogSection data={catalog} />
    </div>
  );
}
