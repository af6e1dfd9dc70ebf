import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { listChannels } from "@/lib/notify/channels-data";
import { addChannelAction } from "./actions";
import { ChannelCard, TYPE_LABEL } from "./channel-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Channels", robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | undefined>>;
}

const HELP: Array<[string, string]> = [
  ["Slack", "An incoming webhook: your Slack app's Incoming Webhooks page, Add New Webhook."],
  ["Discord", "Channel settings, Integrations, Webhooks, New Webhook, Copy Webhook URL."],
  ["Microsoft Teams", "Workflows, “Post to a channel when a webhook request is received”, then copy its URL."],
  ["Webhook", "Any HTTPS endpoint: we POST a versioned JSON body, signed (see its signing secret)."],
];

/** Where alerts go besides email: add, test, turn off and remove channels, and see what was sent. */
export default async function ChannelsPage({ searchParams }: Props) {
  const user = await requireUser("/settings/channels");
  const query = await searchParams;
  const [channels, prefs] = await Promise.all([
    listChannels(user.id),
    db.notificationPreference.findUnique({ where: { userId: user.id }, select: { timeZone: true } }),
  ]);
  const timeZone = prefs?.timeZone ?? "UTC";
  const named = (id: string | undefined) => channels.find((c) => c.id === id)?.name ?? "the channel";
  const message = query.error
    ? { tone: "error", text: query.error }
    : query.added
      ? { tone: "ok", text: `Added ${named(query.added)}. Send a test to check it works.` }
      : query.tested
        ? query.result === "ok"
          ? { tone: "ok", text: `Test sent to ${named(query.tested)} (${query.detail ?? "accepted"}).` }
          : { tone: "error", text: `The test to ${named(query.tested)} failed: ${query.detail ?? "no answer"}.` }
        : query.removed
          ? { tone: "ok", text: "Channel removed." }
          : query.enabled
            ? { tone: "ok", text: `${named(query.enabled)} is on again.` }
            : query.disabled
              ? { tone: "ok", text: `${named(query.disabled)} is off: nothing will be sent to it.` }
              : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/settings" className="text-muted-foreground underline-offset-2 hover:underline">
            Settings
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Channels</h1>
        <p className="text-muted-foreground">
          Every alert goes to each active channel. After 10 failed deliveries in a row a channel is turned off and we
          email you.
        </p>
      </header>
      <div role={message?.tone === "error" ? "alert" : "status"} aria-live="polite">
        {message ? (
          <p className={`rounded-md border px-4 py-3 text-sm ${message.tone === "error" ? "border-destructive" : ""}`}>
            {message.text}
          </p>
        ) : null}
      </div>
      <section aria-label="Your channels" className="space-y-4">
        {channels.map((c) => (
          <ChannelCard key={c.id} c={c} timeZone={timeZone} />
        ))}
      </section>
      <Card>
        <CardHeader>
          <CardTitle>Add a channel</CardTitle>
        </CardHeader>
        <CardContent>
          <form action={addChannelAction} className="space-y-4">
            <div className="space-y-1">
              <label htmlFor="channel-type" className="text-sm font-medium">
                Type
              </label>
              <select
                id="channel-type"
                name="type"
                required
                className="flex h-9 w-full rounded-md border border-input bg-background px-3 text-sm"
              >
                {(["slack", "discord", "teams", "webhook"] as const).map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="channel-url" className="text-sm font-medium">
                Webhook URL
              </label>
              <Input id="channel-url" name="url" type="url" required placeholder="https://hooks.slack.com/services/…" />
            </div>
            <div className="space-y-1">
              <label htmlFor="channel-name" className="text-sm font-medium">
                Name <span className="font-normal text-muted-foreground">(optional)</span>
              </label>
              <Input id="channel-name" name="name" maxLength={80} placeholder="#ops-alerts" />
            </div>
            <Button type="submit">Add channel</Button>
          </form>
          <dl className="mt-6 space-y-2 text-sm">
            {HELP.map(([name, text]) => (
              <div key={name}>
                <dt className="font-medium">{name}</dt>
                <dd className="text-muted-foreground">{text}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
