import { RelativeTime } from "@/components/time/relative-time";
import { Button } from "@/components/ui/button";
import type { notificationQueues } from "@/lib/data/admin-console";
import { redispatchEventsAction, retryDeliveryAction } from "./actions";
import { Cell, Section, Stat, Table, seconds } from "./ui";

type Queues = Awaited<ReturnType<typeof notificationQueues>>;

export function NotificationsSection({ data }: { data: Queues }) {
  const { outbox, deliveries } = data;
  const late = outbox.oldestPendingSeconds !== null && outbox.oldestPendingSeconds > 300;
  return (
    <Section id="notifications" title="Notifications">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat
          label="Change events waiting"
          value={outbox.pending}
          note={outbox.pending ? `oldest ${seconds(outbox.oldestPendingSeconds)}` : "outbox empty"}
          bad={late}
        />
        <Stat label="Deliveries pending" value={deliveries.pending} note={`${deliveries.held} held (quiet hours)`} />
        <Stat label="Delivered" value={deliveries.delivered} />
        <Stat label="Failed" value={deliveries.failed} bad={deliveries.failed > 0} />
        <Stat label="Retried" value={deliveries.retried} note="took more than one attempt" />
        <Stat label="Suppressed" value={deliveries.suppressed} note="unsubscribed, bounced, disabled" />
      </dl>
      {outbox.pending > 0 && (
        <form action={redispatchEventsAction}>
          <Button type="submit" variant="outline" size="sm">
            Dispatch waiting change events again
          </Button>
        </form>
      )}
      {data.failed.length > 0 && (
        <Table label="Failed deliveries" head={["Channel", "Kind", "Attempts", "Last error", "When", ""]}>
          {data.failed.map((d) => (
            <tr key={d.id}>
              <Cell>{d.channel.type}</Cell>
              <Cell>{d.kind}</Cell>
              <Cell className="tabular-nums">{d.attempts}</Cell>
              <Cell className="max-w-xs break-words text-xs">
                {d.lastStatusCode ? `${d.lastStatusCode}: ` : ""}
                {d.lastError ?? "–"}
              </Cell>
              <Cell className="text-xs">
                <RelativeTime iso={d.updatedAt.toISOString()} />
              </Cell>
              <Cell>
                <form action={retryDeliveryAction}>
                  <input type="hidden" name="id" value={d.id} />
                  <Button type="submit" variant="outline" size="sm">
                    Retry
                  </Button>
                </form>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
