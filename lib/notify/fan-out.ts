import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type PollChange, parseChange } from "@/lib/notify/changes";
import { type NotifyContext, clock } from "@/lib/notify/context";
import { type AlertMessage, isCritical } from "@/lib/notify/message";
import { planPoll } from "@/lib/notify/plan";
import { loadPlanContext, saveMemory } from "@/lib/notify/poll-context";
import { quietUntil } from "@/lib/notify/schedule";
import { selectAlert } from "@/lib/notify/select";
import { loadSubscribers } from "@/lib/notify/subscribers";

/** A delivery fan-out wrote, for whoever sends it next (the in-process drain, or an Inngest event). */
export interface DeliveryRef {
  id: string;
  channelId: string;
  channelType: string;
}

const short = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** Vendors with polls waiting to be fanned out, the longest waiting first. */
export async function vendorsWithPendingPolls(limit = 200): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ vendorId: string }>>`
    SELECT "vendorId" FROM "NotificationOutbox"
    WHERE status = 'pending' AND "vendorId" IS NOT NULL
    GROUP BY "vendorId" ORDER BY min("createdAt") LIMIT ${limit}`;
  return rows.map((r) => r.vendorId);
}

/**
 * Fans out one vendor's pending polls, oldest first, each in one transaction: the deliveries it
 * implies (a unique key per poll, user and channel) are written and the poll's outbox rows marked
 * sent together, so a crash before the commit leaves the poll pending and one after it leaves
 * nothing to redo. A per-vendor lock keeps two workers from planning the same vendor at once
 * (flap control and reopens read what the previous poll wrote).
 */
export async function fanOutVendor(
  vendorId: string,
  ctx: NotifyContext = {},
): Promise<{ polls: number; deliveries: DeliveryRef[] }> {
  const out: DeliveryRef[] = [];
  let polls = 0;
  for (;;) {
    const result = await db.$transaction((tx) => fanOutNext(tx, vendorId, ctx), { timeout: 120_000, maxWait: 60_000 });
    if (result === null) break;
    ctx.crash?.("fan-out:committed");
    polls++;
    out.push(...result);
  }
  return { polls, deliveries: out };
}

export async function fanOutPending(ctx: NotifyContext = {}): Promise<{ polls: number; deliveries: DeliveryRef[] }> {
  const total = { polls: 0, deliveries: [] as DeliveryRef[] };
  for (const vendorId of await vendorsWithPendingPolls()) {
    const r = await fanOutVendor(vendorId, ctx);
    total.polls += r.polls;
    total.deliveries.push(...r.deliveries);
  }
  return total;
}

async function fanOutNext(
  tx: Prisma.TransactionClient,
  vendorId: string,
  ctx: NotifyContext,
): Promise<DeliveryRef[] | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notify:${vendorId}`}))`;
  const first = await tx.notificationOutbox.findFirst({
    where: { vendorId, status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { pollId: true, idempotencyKey: true },
  });
  if (!first) return null;
  const group = first.pollId ?? first.idempotencyKey;
  const rows = await tx.notificationOutbox.findMany({
    where: first.pollId ? { pollId: first.pollId, status: "pending" } : { idempotencyKey: first.idempotencyKey },
    orderBy: [{ createdAt: "asc" }, { idempotencyKey: "asc" }],
  });
  const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { id: true, slug: true, name: true } });
  const changes = rows.map((r) => parseChange(r.event, r.payload)).filter((c): c is PollChange => c !== null);
  const detected = (rows[0]?.payload as { detectedAt?: string } | null)?.detectedAt;
  const detectedAt = detected ? new Date(detected) : (rows[0]?.createdAt ?? clock(ctx));

  const refs: DeliveryRef[] = [];
  if (vendor && changes.length) {
    const context = await loadPlanContext(tx, vendorId, changes, detectedAt);
    const plan = planPoll({ ...context, changes, detectedAt });
    await saveMemory(tx, vendorId, context.memory, plan.memory);
    const base = { vendor, detectedAt: detectedAt.toISOString() };
    const known = new Set(context.componentNames.keys());
    const subscribers = await loadSubscribers(tx, vendorId, context.byProviderId);
    const variants = new Map<string, AlertMessage>();
    const chosen = subscribers.flatMap((s) => {
      if (!s.prefs.instant) return [];
      const alert = selectAlert(plan, base, s.filter, known);
      if (!alert) return [];
      variants.set(alert.variant, alert.message);
      return [{ s, variant: alert.variant, critical: isCritical(alert.message) }];
    });
    if (chosen.length) {
      const keyOf = (variant: string) => `alert:${group}:${short(variant)}`;
      await tx.notificationMessage.createMany({
        data: [...variants].map(([variant, payload]) => ({
          key: keyOf(variant),
          kind: "alert" as const,
          vendorId,
          payload: payload as unknown as Prisma.InputJsonValue,
        })),
        skipDuplicates: true,
      });
      const messages = await tx.notificationMessage.findMany({
        where: { key: { in: [...variants.keys()].map(keyOf) } },
        select: { id: true, key: true },
      });
      const messageId = new Map(messages.map((m) => [m.key, m.id]));
      const now = clock(ctx);
      const data = chosen.flatMap(({ s, variant, critical }) => {
        const quietEnds = critical && s.prefs.quietAllowsCritical ? null : quietUntil(s.prefs, now);
        return s.channels
          .filter((c) => c.type !== "email" || s.emailEnabled)
          .map((c) => {
            const id = randomUUID();
            if (!quietEnds) refs.push({ id, channelId: c.id, channelType: c.type });
            return {
              id,
              key: `alert:${group}:${s.userId}:${c.id}`,
              userId: s.userId,
              channelId: c.id,
              vendorId,
              subscriptionId: s.subscriptionId,
              messageId: messageId.get(keyOf(variant)) ?? null,
              status: quietEnds ? ("held" as const) : ("pending" as const),
              heldUntil: quietEnds,
              nextAttemptAt: quietEnds ?? now,
              createdAt: now,
            };
          });
      });
      for (let i = 0; i < data.length; i += 5000) await insertDeliveries(tx, data.slice(i, i + 5000));
    }
  }
  ctx.crash?.("fan-out:in-transaction");
  await tx.notificationOutbox.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { status: refs.length ? "sent" : "skipped", attempts: { increment: 1 } },
  });
  return refs;
}

type DeliveryRow = {
  id: string;
  key: string;
  userId: string;
  channelId: string;
  vendorId: string;
  subscriptionId: string;
  messageId: string | null;
  status: "pending" | "held";
  heldUntil: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
};

/**
 * Thousands of alert deliveries in one statement with one parameter (the rows as JSON): binding
 * a dozen parameters per row costs the embedded database far more than parsing JSON does.
 */
async function insertDeliveries(tx: Prisma.TransactionClient, rows: DeliveryRow[]): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.$executeRaw`
    INSERT INTO "NotificationDelivery"
      (id, key, kind, "userId", "channelId", "vendorId", "subscriptionId", "messageId", payload, status,
       "heldUntil", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT r.id, r.key, 'alert', r."userId", r."channelId", r."vendorId", r."subscriptionId", r."messageId", '{}'::jsonb,
           r.status::"DeliveryStatus", r."heldUntil"::timestamp, r."nextAttemptAt"::timestamp, r."createdAt"::timestamp,
           r."createdAt"::timestamp
    FROM jsonb_to_recordset(${json}::jsonb) AS r(
      id text, key text, "userId" text, "channelId" text, "vendorId" text, "subscriptionId" text, "messageId" text,
      status text, "heldUntil" text, "nextAttemptAt" text, "createdAt" text)
    ON CONFLICT (key) DO NOTHING`;
}
