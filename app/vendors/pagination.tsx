import Link from "next/link";
import { cn } from "@/lib/utils";

const LINK =
  "rounded-md border px-3 py-1.5 text-sm hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Previous / next links that keep the current filters; the page count is stated in words. */
export function Pagination({
  page,
  pages,
  params,
  basePath = "/vendors",
}: {
  page: number;
  pages: number;
  params: Record<string, string>;
  basePath?: string;
}) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const search = new URLSearchParams({ ...params, ...(p > 1 ? { page: String(p) } : {}) });
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={LINK}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted-foreground" aria-current="page">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={cn(LINK)}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
