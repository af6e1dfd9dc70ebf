import type { Metadata } from "next";
import Link from "next/link";
import { inspectEmailChange } from "@/lib/data/email-change";
import { ConfirmEmailChange } from "./confirm-email-change";

export const metadata: Metadata = {
  title: "Confirm your new email",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The emailed link's page. Like the sign-in confirm page, its GET changes nothing. */
export default async function ConfirmEmailChangePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : undefined;
  const found = await inspectEmailChange(value);
  if (found.state !== "valid" || !value)
    return (
      <div className="mx-auto max-w-md space-y-4 py-6">
        <h1 className="text-2xl font-bold tracking-tight">
          {found.state === "expired" ? "This link has expired" : "This link can no longer be used"}
        </h1>
        <p className="text-muted-foreground">
          {found.state === "expired"
            ? "Links to confirm a new address work for 24 hours."
            : "It was used already, or a newer link replaced it."}{" "}
          Your address has not changed. Ask for a new link in your{" "}
          <Link href="/settings#email" className="underline underline-offset-2">
            settings
          </Link>
          .
        </p>
      </div>
    );
  return <ConfirmEmailChange token={value} newEmail={found.newEmail} />;
}
