import { inngestIsExternal } from "@/env";
import { db } from "@/lib/db";
import type { ChangeEvent } from "@/lib/monitor/changes";

export interface OutboxEvent {
  id: string;
  name: ChangeEvent;
  data: Record<string, unknown>;
}

type Consumer = (event: OutboxEvent) => Promise<void>;
const consumers: Consumer[] = [];

/** In-process delivery (the embedded default): later features register their handlers here. */
export function onChangeEvent(consumer: Consumer): void {
  consumers.push(consumer);
}

/**
 * Sends pending change events from the outbox: to Inngest when it drives the functions (the
 * event id is the idempotency key, so a re-send is deduplicated there), otherwise to the
 * in-process consumers. A row is marked sent only after delivery; a crash re-sends it later.
 */
export async function dispatchPendingEvents(limit = 500): Promise<number> {
  const rows = await db.notificationOutbox.findMany({
    where: { status: "pending", userId: null },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, idempotencyKey: true, event: true, payload: true },
  });
  if (!rows.length) return 0;
  const events: OutboxEvent[] = rows.map((r) => ({
    id: r.idempotencyKey,
    name: r.event as ChangeEvent,
    data: r.payload as Record<string, unknown>,
  }));
  if (inngestIsExternal()) {
    const { inngest } = await import("@/inngest/client");
    await inngest.send(events);
  } else {
    for (const event of events) for (const consume of consumers) await consume(event);
  }
  await db.notificationOutbox.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { status: "sent", dispatchedAt: new Date(), attempts: { increment: 1 } },
  });
  return rows.length;
}
