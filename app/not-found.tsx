import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">We do not track that page. Try the vendor directory.</p>
      <Link href="/vendors" className="underline">
        Browse vendors
      </Link>
    </div>
  );
}
