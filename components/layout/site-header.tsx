import Link from "next/link";
import { AccountNav } from "@/components/layout/account-nav";

export function SiteHeader() {
  return (
    <header className="border-b">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm whitespace-nowrap sm:gap-x-6"
      >
        <Link href="/" className="text-base font-semibold tracking-tight">
          Vendorwatch
        </Link>
        <Link href="/vendors" className="text-muted-foreground hover:text-foreground">
          Vendors
        </Link>
        <Link href="/status" className="text-muted-foreground hover:text-foreground">
          Down right now
        </Link>
        <AccountNav />
      </nav>
    </header>
  );
}
