import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

/** Auth.js's "verify request" page, for sign-ins that did not start from our own form. */
export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4 py-6" role="status">
      <h1 className="text-2xl font-bold tracking-tight">Check your inbox</h1>
      <p className="text-muted-foreground">
        We sent you a sign-in link. It works once, for 24 hours. Open it and press &ldquo;Sign in&rdquo;.
      </p>
    </div>
  );
}
