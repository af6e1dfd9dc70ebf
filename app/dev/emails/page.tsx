import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RelativeTime } from "@/components/time/relative-time";
import { devEmailsEnabled, listLocalEmails } from "@/lib/email/dev-outbox";
import { TEMPLATE_PREVIEWS } from "@/lib/email/template-previews";

export const metadata: Metadata = { title: "Local outbox", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/** Development only: what would have been emailed without RESEND_API_KEY, and every template. */
export default async function DevEmailsPage() {
  if (!devEmailsEnabled()) notFound();
  const emails = await listLocalEmails();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Local outbox</h1>
        <p className="text-muted-foreground">
          No email service is set up (RESEND_API_KEY), so Vendorwatch keeps its emails here instead of sending them.
          Only in development.
        </p>
      </header>
      <section aria-labelledby="outbox" className="space-y-3">
        <h2 id="outbox" className="text-lg font-semibold">
          Emails, newest first
        </h2>
        {emails.length === 0 ? (
          <p className="text-muted-foreground">Nothing yet. Sign in or send a channel test, and it shows here.</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {emails.map((e) => (
              <li key={e.id}>
                <Link
                  href={`/dev/emails/${e.id}`}
                  className="flex flex-wrap items-baseline gap-x-3 px-4 py-3 hover:bg-muted"
                >
                  <span className="font-medium">{e.subject}</span>
                  <span className="text-sm text-muted-foreground">to {e.to}</span>
                  <span className="ml-auto text-sm text-muted-foreground">
                    <RelativeTime iso={e.createdAt.toISOString()} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="templates" className="space-y-3">
        <h2 id="templates" className="text-lg font-semibold">
          Templates
        </h2>
        <ul className="flex flex-wrap gap-2">
          {Object.entries(TEMPLATE_PREVIEWS).map(([name, preview]) => (
            <li key={name}>
              <Link
                href={`/dev/emails/preview/${name}`}
                className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted"
              >
                {preview.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
