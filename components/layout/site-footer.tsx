export function SiteFooter() {
  return (
    <footer className="border-t text-sm text-muted-foreground">
      <div className="mx-auto max-w-5xl px-4 py-6">
        Vendorwatch is open source and self-hostable. Data comes from each vendor&apos;s official status page.
      </div>
    </footer>
  );
}
