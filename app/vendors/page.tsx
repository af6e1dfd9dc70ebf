import type { Metadata } from "next";
import Link from "next/link";
import { StatusLabel } from "@/components/status/status-label";
import { STATUS_TEXT } from "@/lib/domain/vocabulary";
import { getCategories, getVendorList } from "@/lib/data/cached";
import { parseStatus } from "@/lib/data/vendor-list";
import { DirectoryFilters } from "./directory-filters";
import { Pagination } from "./pagination";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

function parse(raw: Record<string, string | string[] | undefined>) {
  const page = Number(one(raw.page) || "1");
  return {
    q: one(raw.q).slice(0, 100),
    category: one(raw.category).slice(0, 100),
    status: parseStatus(one(raw.status)),
    page: Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q, category, status, page } = parse(await searchParams);
  const filtered = Boolean(q || category || status);
  return {
    title: q ? `Vendors matching “${q}”` : category ? `${category} vendors` : "Vendor directory",
    description: "Every cloud vendor Vendorwatch monitors, with its current status from its official status page.",
    alternates: { canonical: page > 1 && !filtered ? `/vendors?page=${page}` : "/vendors" },
    // Search and filter results are endless near-duplicates: let crawlers follow, not index them.
    ...(filtered ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function DirectoryPage({ searchParams }: Props) {
  const { q, category, status, page } = parse(await searchParams);
  const [list, categories] = await Promise.all([
    getVendorList({ q: q || undefined, category: category || undefined, status, page }),
    getCategories(),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const params: Record<string, string> = {
    ...(q ? { q } : {}),
    ...(category ? { category } : {}),
    ...(status ? { status } : {}),
  };
  const filters = [
    q && `matching “${q}”`,
    category && `in ${category}`,
    status && `with status ${STATUS_TEXT[status].toLowerCase()}`,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Vendor directory</h1>
      <DirectoryFilters q={q} category={category} status={status ?? ""} categories={categories} />
      <p className="text-sm text-muted-foreground" role="status" data-testid="result-count">
        {list.total.toLocaleString("en")} vendor{list.total === 1 ? "" : "s"}
        {filters ? ` ${filters}` : ""}
      </p>
      {list.vendors.length === 0 ? (
        <p>
          No vendors found.{" "}
          <Link href="/vendors" className="underline underline-offset-2">
            Clear the filters
          </Link>
        </p>
      ) : (
        <ul className="divide-y rounded-lg border" aria-label="Vendors">
          {list.vendors.map((v) => (
            <li
              key={v.slug}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2.5"
              data-testid="vendor-row"
            >
              <div className="min-w-0">
                <Link
                  href={`/vendors/${encodeURIComponent(v.slug)}`}
                  className="font-medium underline-offset-2 hover:underline"
                >
                  {v.name}
                </Link>
                {v.category && <span className="ml-2 text-sm text-muted-foreground">{v.category}</span>}
              </div>
              <span className="flex items-center gap-2 text-sm">
                {v.stale && <span className="text-muted-foreground">(not checked recently)</span>}
                <StatusLabel status={v.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={pages} params={params} />
    </div>
  );
}
