import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { loadPreferences, preferencesUser } from "@/lib/notify/preferences";
import { savePreferencesAction, stopVendorAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email notifications", robots: { index: false, follow: false } };

interface Props {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ stop?: string; saved?: string; stopped?: string; error?: string }>;
}

/**
 * Opened from the links in our emails, without a sign-in. Looking at it changes nothing (mail
 * scanners open every link): only its buttons do.
 */
export default async function NotificationPreferencesPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const userId = await preferencesUser(token);
  const prefs = userId ? await loadPreferences(userId) : null;
  if (!prefs) notFound();
  const stop = query.stop ? prefs.subscriptions.find((s) => s.id === query.stop && s.emailEnabled) : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Email notifications</h1>
        <p className="text-muted-foreground">
          Settings for <strong className="text-foreground">{prefs.email}</strong>. Anyone with the link to this page can
          change them, so please do not forward it.
        </p>
      </header>
      <div role="status" aria-live="polite" className="empty:hidden">
        {query.saved ? <p className="rounded-md border px-4 py-3 text-sm">Saved.</p> : null}
        {query.stopped ? (
          <p className="rounded-md border px-4 py-3 text-sm">No more emails about {query.stopped}.</p>
        ) : null}
        {query.error ? (
          <p className="rounded-md border border-destructive px-4 py-3 text-sm">That did not work: please try again.</p>
        ) : null}
      </div>
      {prefs.emailDisabled ? (
        <p className="rounded-md border border-destructive px-4 py-3 text-sm">
          We stopped emailing this address: {prefs.emailDisabled}. Change your address in your account settings.
        </p>
      ) : null}
      {stop ? (
        <Card>
          <CardHeader>
            <CardTitle>Stop emails about {stop.vendor.name}?</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="text-muted-foreground">
              You will still see {stop.vendor.name} on your dashboard, and your Slack, Discord, Teams or webhook
              channels keep their alerts.
            </p>
            <form action={stopVendorAction}>
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="subscriptionId" value={stop.id} />
              <Button type="submit">Stop emails about {stop.vendor.name}</Button>
            </form>
          </CardContent>
        </Card>
      ) : null}
      <form action={savePreferencesAction} className="space-y-6">
        <input type="hidden" name="token" value={token} />
        <fieldset className="space-y-2 rounded-lg border p-5">
          <legend className="px-1 font-semibold">Instant alerts</legend>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="instant" defaultChecked={prefs.instant} className="mt-1 size-4" />
            <span>Email me as soon as one of my vendors reports a problem or an update.</span>
          </label>
        </fieldset>
        <fieldset className="space-y-2 rounded-lg border p-5">
          <legend className="px-1 font-semibold">Digest</legend>
          {(["off", "daily", "weekly"] as const).map((d) => (
            <label key={d} className="flex items-center gap-3 text-sm">
              <input type="radio" name="digest" value={d} defaultChecked={prefs.digest === d} className="size-4" />
              <span>{{ off: "No digest", daily: "Daily digest", weekly: "Weekly digest" }[d]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2 rounded-lg border p-5">
          <legend className="px-1 font-semibold">Email per vendor</legend>
          {prefs.subscriptions.length === 0 ? (
            <p className="text-sm text-muted-foreground">You do not follow any vendor yet.</p>
          ) : (
            prefs.subscriptions.map((s) => (
              <label key={s.id} className="flex items-center gap-3 text-sm">
                <input type="checkbox" name="emailOn" value={s.id} defaultChecked={s.emailEnabled} className="size-4" />
                <span>{s.vendor.name}</span>
              </label>
            ))
          )}
        </fieldset>
        <Button type="submit">Save</Button>
      </form>
      <p className="text-sm text-muted-foreground">
        Quiet hours, your time zone, the digest hour and your Slack, Discord, Teams and webhook channels are in your{" "}
        <Link href="/settings" className="underline underline-offset-2">
          account settings
        </Link>
        .
      </p>
    </div>
  );
}
