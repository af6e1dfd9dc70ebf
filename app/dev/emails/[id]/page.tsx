import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailView } from "@/components/email-view";
import { devEmailsEnabled, localEmail } from "@/lib/email/dev-outbox";

export const metadata: Metadata = { title: "Local outbox", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function DevEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devEmailsEnabled()) notFound();
  const email = await localEmail((await params).id);
  if (!email) notFound();
  const meta: Array<[string, string]> = [
    ["From", email.from],
    ["To", email.to],
    ["Kept", email.createdAt.toISOString()],
    ...Object.entries(email.headers),
  ];
  return (
    <div className="space-y-4">
      <Link href="/dev/emails" className="text-sm text-muted-foreground hover:text-foreground">
        ← Local outbox
      </Link>
      <EmailView email={email} meta={meta} />
    </div>
  );
}
