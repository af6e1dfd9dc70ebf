import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailView } from "@/components/email-view";
import { devEmailsEnabled } from "@/lib/email/dev-outbox";
import { TEMPLATE_PREVIEWS, isTemplatePreviewName, renderTemplatePreview } from "@/lib/email/template-previews";

export const metadata: Metadata = { title: "Email template", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function DevEmailPreviewPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!devEmailsEnabled() || !isTemplatePreviewName(name)) notFound();
  const email = await renderTemplatePreview(name);
  return (
    <div className="space-y-4">
      <Link href="/dev/emails" className="text-sm text-muted-foreground hover:text-foreground">
        ← Local outbox
      </Link>
      <EmailView email={email} meta={[["Template", TEMPLATE_PREVIEWS[name].label]]} />
    </div>
  );
}
