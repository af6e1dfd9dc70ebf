import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { listChannels } from "@/lib/notify/channels-data";
import { formatLocal } from "@/lib/notify/format";
import { removeChannelAction, sendTestAction, toggleChannelAction } from "./actions";

type Channel = Awaited<ReturnType<typeof listChannels>>[number];

export const TYPE_LABEL: Record<string, string> = {
  email: "Email",
  slack: "Slack",
  discord: "Discord",
  teams: "Microsoft Teams",
  webhook: "Webhook",
};
const KIND: Record<string, string> = { alert: "Alert", digest: "Digest", test: "Test", notice: "Notice" };

function Hidden({ id }: { id: string }) {
  return <input type="hidden" name="channelId" value={id} />;
}

/** One channel: what it is, whether it works, its buttons and what it was sent lately. */
export function ChannelCard({ c, timeZone }: { c: Channel; timeZone: string }) {
  const title = c.type === "email" ? "Your email" : (c.name ?? TYPE_LABEL[c.type]);
  return (
    <Card>
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            {title} <Badge variant="outline">{TYPE_LABEL[c.type]}</Badge>
          </CardTitle>
          <span className="text-sm font-medium" data-testid="channel-state">
            {c.active ? "Active" : "Turned off"}
          </span>
        </div>
        <p className="break-all text-sm text-muted-foreground">{c.target}</p>
        {c.disabledReason ? <p className="text-sm text-destructive">Turned off: {c.disabledReason}</p> : null}
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-2">
          <form action={sendTestAction}>
            <Hidden id={c.id} />
            <Button type="submit" size="sm" variant="outline" disabled={!c.active} aria-label={`Send test to ${title}`}>
              Send test
            </Button>
          </form>
          <form action={toggleChannelAction}>
            <Hidden id={c.id} />
            <input type="hidden" name="enabled" value={c.active ? "false" : "true"} />
            <Button type="submit" size="sm" variant="outline">
              {c.active ? "Turn off" : "Turn on"}
            </Button>
          </form>
          {c.type !== "email" ? (
            <form action={removeChannelAction}>
              <Hidden id={c.id} />
              <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${title}`}>
                Remove
              </Button>
            </form>
          ) : null}
        </div>
        {c.secret ? (
          <details className="text-sm">
            <summary className="cursor-pointer">Signing secret</summary>
            <p className="mt-2 text-muted-foreground">
              Each request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and{" "}
              <code>webhook-signature</code> (Standard Webhooks: HMAC-SHA256 over id, timestamp and body). Verify with
              this secret and drop a repeated <code>webhook-id</code>.
            </p>
            <code className="mt-2 block break-all rounded bg-muted px-2 py-1">{c.secret}</code>
          </details>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-semibold">Delivery log</h3>
          {c.log.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing sent yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Recent deliveries to {title}</caption>
                <thead className="text-muted-foreground">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      When
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      What
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Error
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.log.map((a) => (
                    <tr key={a.id} className="border-t align-top">
                      <td className="whitespace-nowrap py-1 pr-3">{formatLocal(a.at.toISOString(), timeZone)}</td>
                      <td className="py-1 pr-3">{KIND[a.delivery.kind] ?? a.delivery.kind}</td>
                      <td className="whitespace-nowrap py-1 pr-3">{a.statusCode ?? "no answer"}</td>
                      <td className="break-all py-1 text-muted-foreground">{a.error ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
