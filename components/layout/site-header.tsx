import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-6 px-4 py-3 text-sm">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Vendorwatch
        </Link>
        <Link href="/vendors" className="text-muted-foreground hover:text-foreground">
          Vendors
        </Link>
        <Link href="/status" className="text-muted-foreground hover:text-foreground">
          Down right now
        </Link>
      </nav>
    </header>
  );
}
