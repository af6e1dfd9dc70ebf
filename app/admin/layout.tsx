import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin";

export const metadata: Metadata = { title: "Operator console", robots: { index: false, follow: false } };

/** The operator console: for ADMIN_EMAILS only; everyone else gets the site's 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div className="space-y-8">
      <nav aria-label="Console" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b pb-3 text-sm">
        <Link href="/admin" className="font-semibold">
          Operator console
        </Link>
        <Link href="/admin#poller" className="text-muted-foreground hover:text-foreground">
          Poller
        </Link>
        <Link href="/admin#failing" className="text-muted-foreground hover:text-foreground">
          Failing vendors
        </Link>
        <Link href="/admin#notifications" className="text-muted-foreground hover:text-foreground">
          Notifications
        </Link>
        <Link href="/admin#catalog" className="text-muted-foreground hover:text-foreground">
          Catalog
        </Link>
      </nav>
      {children}
    </div>
  );
}
