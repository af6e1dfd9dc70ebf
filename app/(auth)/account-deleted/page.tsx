import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-6" role="status">
      <h1 className="text-2xl font-bold tracking-tight">Your account is deleted</h1>
      <p className="text-muted-foreground">
        Everything of yours is gone: the vendors you monitored, your settings, channels, tokens and alert history. You
        will get no more email from us.
      </p>
      <p>
        <Link href="/" className="font-medium underline underline-offset-2">
          Back to Vendorwatch
        </Link>
      </p>
    </div>
  );
}
