import { db } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { recordDelivery } from "@/lib/metrics";
import { disableChannel } from "@/lib/notify/attempts";
import { CHAT_CHANNELS, MIN_INTERVAL_MS, isChatChannel } from "@/lib/notify/channels";
import type { ChannelContent, SendOutcome } from "@/lib/notify/channels/types";
import { type NotifyContext, clock } from "@/lib/notify/context";
import { type Poster, defaultPoster } from "@/lib/notify/http";
import type { AlertMessage, NoticeMessage } from "@/lib/notify/message";
import { DISABLE_AFTER_FAILURES, LEASE_MS, MAX_ATTEMPTS, nextAttemptAt } from "@/lib/notify/retry";

/**
 * Sends Slack, Discord, Teams and webhook deliveries. A delivery is claimed (its next attempt moved
 * a lease ahead) before the request, and its outcome written after, so a sender that dies mid-way
 * leaves it to be retried after the lease, and two senders never post the same one at once.
 */
export interface ChatContext extends NotifyContext {
  poster?: Poster;
}

export interface Claimed {
  id: string;
  channelId: string;
  attempts: number;
}

export type SendResult = { done: true } | { done: false; nextAttemptAt: Date };

export async function claimChat(now: Date, limit: number, onlyId?: string): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "NotificationDelivery" d
    SET "nextAttemptAt" = ${lease}, attempts = d.attempts + 1, "updatedAt" = ${now}
    WHERE d.id IN (
      SELECT d2.id FROM "NotificationDelivery" d2
      JOIN "NotificationChannel" c ON c.id = d2."channelId"
      WHERE d2.status = 'pending' AND d2."nextAttemptAt" <= ${now} AND c.type <> 'email'
        AND (${onlyId ?? null}::text IS NULL OR d2.id = ${onlyId ?? null})
      ORDER BY d2."nextAttemptAt", d2."createdAt"
      LIMIT ${limit}
      FOR UPDATE OF d2 SKIP LOCKED)
    RETURNING d.id, d."channelId", d.attempts`;
}

type Content = Awaited<ReturnType<typeof loadContents>> extends Map<string, infer V> ? V : never;

/** What the claimed deliveries send, in three queries however many there are; messages read once each. */
async function loadContents(ids: string[]) {
  const rows = await db.notificationDelivery.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      kind: true,
      status: true,
      payload: true,
      messageId: true,
      channel: { select: { id: true, type: true, target: true, secret: true, enabled: true, disabledAt: true } },
    },
  });
  const messageIds = [...new Set(rows.map((r) => r.messageId).filter((m): m is string => m !== null))];
  const messages = new Map(
    (
      await db.notificationMessage.findMany({ where: { id: { in: messageIds } }, select: { id: true, payload: true } })
    ).map((m) => [m.id, m.payload]),
  );
  return new Map(rows.map((r) => [r.id, { ...r, message: r.messageId ? (messages.get(r.messageId) ?? null) : null }]));
}

/** One attempt at one claimed delivery, and its outcome recorded. */
export async function attemptChat(c: Claimed, ctx: ChatContext, loaded?: Content): Promise<SendResult> {
  const d = loaded ?? (await loadContents([c.id])).get(c.id);
  if (!d || d.status !== "pending") return { done: true };
  const channel = d.channel;
  if (!channel.enabled || channel.disabledAt || !isChatChannel(channel.type)) {
    await db.notificationDelivery.updateMany({
      where: { id: d.id, status: "pending" },
      data: { status: "suppressed", lastError: "channel turned off" },
    });
    return { done: true };
  }
  ctx.crash?.("send:claimed", { channelType: channel.type });
  const sender = CHAT_CHANNELS[channel.type];
  const content: ChannelContent =
    d.kind === "test"
      ? { kind: "test", message: d.payload as unknown as NoticeMessage }
      : { kind: "alert", message: d.message as unknown as AlertMessage };
  // Signatures carry the wall-clock time of sending (receivers check it against theirs), not the
  // scheduling clock.
  const request = sender.build(content, { deliveryId: d.id, secret: channel.secret, now: new Date() });
  const url = channel.type === "discord" ? withWait(channel.target) : channel.target;
  const result = await (ctx.poster ?? defaultPoster())(url, request.body, request.headers);
  ctx.crash?.("send:accepted", { channelType: channel.type });
  const outcome = sender.classify(result);
  const next = await record(c, outcome, result.status || null, result.durationMs, clock(ctx));
  ctx.crash?.("send:recorded", { channelType: channel.type });
  return next;
}

function withWait(target: string): string {
  const u = new URL(target);
  u.searchParams.set("wait", "true");
  return u.toString();
}

/**
 * The outcome in one statement: the delivery (only if this attempt still holds it: a sender past
 * its lease writes nothing), the attempt for the log, and the channel's count of failures in a row.
 */
async function record(
  c: Claimed,
  o: SendOutcome,
  status: number | null,
  durationMs: number,
  now: Date,
): Promise<SendResult> {
  const final = o.ok || !o.retryable || c.attempts >= MAX_ATTEMPTS;
  const next = final ? null : nextAttemptAt(now, c.attempts, o.retryAfterMs);
  const state = o.ok ? "delivered" : final ? "failed" : "pending";
  recordDelivery("chat", o.ok ? "delivered" : final ? "failed" : "retry", durationMs);
  const error = o.error?.slice(0, 1000) ?? null;
  const [row] = await db.$queryRaw<Array<{ updated: bigint; failures: number | null; disabled: boolean | null }>>`
    WITH d AS (
      UPDATE "NotificationDelivery"
      SET status = ${state}::"DeliveryStatus", "lastStatusCode" = ${status}, "lastError" = ${error},
          "deliveredAt" = CASE WHEN ${o.ok} THEN ${now}::timestamp ELSE "deliveredAt" END,
          "nextAttemptAt" = COALESCE(${next}::timestamp, "nextAttemptAt"), "updatedAt" = ${now}
      WHERE id = ${c.id} AND status = 'pending' AND attempts = ${c.attempts}
      RETURNING "channelId"
    ), a AS (
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", "channelId", at, "statusCode", error, "durationMs")
      VALUES (${randomUUID()}, ${c.id}, ${c.channelId}, ${now}, ${status}, ${error}, ${durationMs})
    ), ch AS (
      UPDATE "NotificationChannel"
      SET "consecutiveFailures" = CASE WHEN ${o.ok} THEN 0 ELSE "consecutiveFailures" + 1 END,
          "lastSuccessAt" = CASE WHEN ${o.ok} THEN ${now}::timestamp ELSE "lastSuccessAt" END,
          "lastFailureAt" = CASE WHEN ${o.ok} THEN "lastFailureAt" ELSE ${now}::timestamp END,
          "lastError" = ${error}, "updatedAt" = ${now}
      WHERE id IN (SELECT "channelId" FROM d)
      RETURNING "consecutiveFailures", "disabledAt" IS NOT NULL AS disabled
    )
    SELECT (SELECT count(*) FROM d) AS updated, (SELECT "consecutiveFailures" FROM ch) AS failures,
           (SELECT disabled FROM ch) AS disabled`;
  if (row && !o.ok && !row.disabled && (row.failures ?? 0) >= DISABLE_AFTER_FAILURES) {
    await db.$transaction(async (tx) => {
      const channel = await tx.notificationChannel.findUnique({ where: { id: c.channelId } });
      if (channel && !channel.disabledAt) await disableChannel(tx, channel, error ?? "no answer", now);
    });
  }
  return next ? { done: false, nextAttemptAt: next } : { done: true };
}

/** Sends every chat delivery due now: destinations in parallel, each destination in order and paced. */
export async function sendDueChat(ctx: ChatContext & { limit?: number; concurrency?: number } = {}) {
  const claimed = await claimChat(clock(ctx), ctx.limit ?? 500);
  if (!claimed.length) return { attempted: 0 };
  const contents = await loadContents(claimed.map((c) => c.id));
  const byChannel = new Map<string, Claimed[]>();
  for (const c of claimed) byChannel.set(c.channelId, [...(byChannel.get(c.channelId) ?? []), c]);
  const queues = [...byChannel.values()];
  let sent = 0;
  const worker = async () => {
    for (let items = queues.shift(); items; items = queues.shift()) {
      const type = contents.get(items[0]?.id ?? "")?.channel.type ?? "webhook";
      const gap = isChatChannel(type) ? MIN_INTERVAL_MS[type] : 0;
      for (const [i, c] of items.entries()) {
        if (i > 0 && gap) await new Promise((r) => setTimeout(r, gap));
        await attemptChat(c, ctx, contents.get(c.id));
        sent++;
      }
    }
  };
  // Every worker finishes before this returns, even when one fails: nothing is left posting in
  // the background after the caller has moved on (or, in tests, "crashed").
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(ctx.concurrency ?? 32, queues.length) }, worker),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return { attempted: sent };
}

/** One delivery by id (an Inngest run): claims it if due, sends, and says when to try again. */
export async function sendChatDelivery(id: string, ctx: ChatContext = {}): Promise<SendResult> {
  const [c] = await claimChat(clock(ctx), 1, id);
  if (!c) {
    const d = await db.notificationDelivery.findUnique({
      where: { id },
      select: { status: true, nextAttemptAt: true },
    });
    return d?.status === "pending" ? { done: false, nextAttemptAt: d.nextAttemptAt } : { done: true };
  }
  return attemptChat(c, ctx);
}
