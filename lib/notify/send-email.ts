import { randomUUID } from "node:crypto";
import { env } from "@/env";
import { db } from "@/lib/db";
import { recordDelivery } from "@/lib/metrics";
import { BATCH_LIMIT, type EmailTransport, type OutgoingEmail, emailTransport } from "@/lib/email/transport";
import { type NotifyContext, clock } from "@/lib/notify/context";
import { preferencesUrl, unsubscribeUrl } from "@/lib/notify/links";
import type { AlertMessage, DigestMessage, NoticeMessage } from "@/lib/notify/message";
import { personalise, renderAlert, renderDigest, renderNotice } from "@/lib/notify/render-email";
import { LEASE_MS, MAX_ATTEMPTS, nextAttemptAt } from "@/lib/notify/retry";

/**
 * Email deliveries go out in Resend batches of up to 100. A batch is formed once and never
 * changes: every retry sends the same emails in the same order under the same idempotency key,
 * so Resend answers a retry of an accepted batch from its record instead of mailing twice.
 */
export interface EmailContext extends NotifyContext {
  transport?: EmailTransport;
  timeoutMs?: number;
}

/** Groups pending email deliveries into batches, first dropping those that must not be sent. */
export async function formEmailBatches(ctx: EmailContext = {}): Promise<string[]> {
  const now = clock(ctx);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        Array<{ id: string; target: string; emailEnabled: boolean | null; kind: string }>
      >`
      SELECT d.id, c.target, s."emailEnabled", d.kind::text AS kind
      FROM "NotificationDelivery" d
      JOIN "NotificationChannel" c ON c.id = d."channelId"
      LEFT JOIN "Subscription" s ON s.id = d."subscriptionId"
      WHERE d.status = 'pending' AND d."batchId" IS NULL AND c.type = 'email' AND d."nextAttemptAt" <= ${now}
      ORDER BY d."createdAt", d.id
      LIMIT 5000
      FOR UPDATE OF d SKIP LOCKED`;
      if (!rows.length) return [];
      const suppressed = new Set(
        (await tx.emailSuppression.findMany({ where: { email: { in: rows.map((r) => r.target.toLowerCase()) } } })).map(
          (s) => s.email,
        ),
      );
      const drop = rows.filter(
        (r) => suppressed.has(r.target.toLowerCase()) || (r.kind === "alert" && r.emailEnabled === false),
      );
      if (drop.length)
        await tx.notificationDelivery.updateMany({
          where: { id: { in: drop.map((r) => r.id) } },
          data: { status: "suppressed", lastError: "address suppressed or email turned off" },
        });
      const keep = rows.filter((r) => !drop.includes(r));
      const ids: string[] = [];
      for (let i = 0; i < keep.length; i += BATCH_LIMIT) {
        const id = randomUUID();
        ids.push(id);
        await tx.emailBatch.create({ data: { id, nextAttemptAt: now } });
        await tx.notificationDelivery.updateMany({
          where: { id: { in: keep.slice(i, i + BATCH_LIMIT).map((r) => r.id) } },
          data: { batchId: id },
        });
      }
      ctx.crash?.("email:batched");
      return ids;
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}

async function claimBatches(now: Date, limit: number, onlyId?: string) {
  const lease = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<Array<{ id: string; attempts: number }>>`
    UPDATE "EmailBatch" SET "nextAttemptAt" = ${lease}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "EmailBatch"
      WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        AND (${onlyId ?? null}::text IS NULL OR id = ${onlyId ?? null})
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
}

async function buildEmails(
  batchId: string,
): Promise<{ emails: OutgoingEmail[]; deliveries: Array<{ id: string; channelId: string }> }> {
  const rows = await db.notificationDelivery.findMany({
    where: { batchId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      kind: true,
      userId: true,
      channelId: true,
      subscriptionId: true,
      payload: true,
      messageId: true,
      message: { select: { payload: true } },
      channel: { select: { target: true } },
      user: { select: { preferences: { select: { timeZone: true } } } },
    },
  });
  const emails = await Promise.all(
    rows.map(async (d): Promise<OutgoingEmail> => {
      const prefs = await preferencesUrl(d.userId);
      const headers: Record<string, string> = {};
      let rendered;
      if (d.kind === "alert" && d.message && d.messageId) {
        rendered = await renderAlert(
          d.messageId,
          d.message.payload as unknown as AlertMessage,
          d.user.preferences?.timeZone ?? "UTC",
        );
        const stop = d.subscriptionId ? `${prefs}?stop=${encodeURIComponent(d.subscriptionId)}` : prefs;
        rendered = personalise(rendered, { preferencesUrl: prefs, stopUrl: stop });
        if (d.subscriptionId)
          headers["List-Unsubscribe"] = `<${await unsubscribeUrl({ subscriptionId: d.subscriptionId })}>`;
      } else if (d.kind === "digest" && d.message) {
        rendered = personalise(await renderDigest(d.message.payload as unknown as DigestMessage), {
          preferencesUrl: prefs,
          stopUrl: prefs,
        });
        headers["List-Unsubscribe"] = `<${await unsubscribeUrl({ digestOf: d.userId })}>`;
      } else {
        rendered = personalise(await renderNotice(d.payload as unknown as NoticeMessage), {
          preferencesUrl: prefs,
          stopUrl: prefs,
        });
      }
      if (headers["List-Unsubscribe"]) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      headers["X-Vendorwatch-Delivery"] = d.id;
      return { to: d.channel.target, ...rendered, headers, tags: [{ name: "kind", value: d.kind }] };
    }),
  );
  return { emails, deliveries: rows.map((r) => ({ id: r.id, channelId: r.channelId })) };
}

let lastCall = 0;
/** Spaces calls to Resend within the team's rate limit (one process; Inngest throttles across many). */
async function paced(configured: boolean) {
  if (!configured) return;
  const gap = 1000 / env.RESEND_REQUESTS_PER_SECOND;
  const wait = lastCall + gap - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastCall = Date.now();
}

export type BatchResult = { done: true } | { done: false; nextAttemptAt: Date };

async function attemptBatch(batch: { id: string; attempts: number }, ctx: EmailContext): Promise<BatchResult> {
  const transport = ctx.transport ?? emailTransport();
  const { emails, deliveries } = await buildEmails(batch.id);
  ctx.crash?.("send:claimed", { channelType: "email" });
  if (!emails.length) {
    await db.emailBatch.update({ where: { id: batch.id }, data: { status: "suppressed" } });
    return { done: true };
  }
  await paced(transport.configured);
  const started = Date.now();
  const result = await transport.send(emails, {
    idempotencyKey: `vendorwatch/batch/${batch.id}`,
    timeoutMs: ctx.timeoutMs,
  });
  ctx.crash?.("send:accepted", { channelType: "email" });
  const now = clock(ctx);
  const durationMs = Date.now() - started;
  deliveries.forEach(() =>
    recordDelivery("email", result.ok ? "delivered" : result.retryable ? "retry" : "failed", durationMs),
  );
  const outcome = await db.$transaction(async (tx) => {
    const current = await tx.emailBatch.findUnique({
      where: { id: batch.id },
      select: { status: true, attempts: true },
    });
    if (current?.status !== "pending" || current.attempts !== batch.attempts) return { done: true as const };
    const status = result.ok ? 200 : result.status;
    const error = result.ok ? null : `${result.code}: ${result.message}`.slice(0, 1000);
    await tx.deliveryAttempt.createMany({
      data: deliveries.map((d) => ({
        deliveryId: d.id,
        channelId: d.channelId,
        at: now,
        statusCode: status,
        error,
        durationMs,
      })),
    });
    // A retry refused for reusing the key with another body (a recipient changed time zone or
    // address meanwhile) means Resend accepted an earlier attempt: the emails went out.
    const acceptedBefore = !result.ok && result.code === "invalid_idempotent_request" && batch.attempts > 1;
    if (result.ok || acceptedBefore) {
      const ids = result.ok ? result.ids : [];
      await tx.emailBatch.update({
        where: { id: batch.id },
        data: { status: "delivered", sentAt: now, lastStatusCode: status, lastError: error },
      });
      // One statement for the whole batch, each delivery with the id Resend gave its email.
      const rows = JSON.stringify(deliveries.map((d, i) => ({ id: d.id, provider: ids[i] ?? null })));
      await tx.$executeRaw`
        UPDATE "NotificationDelivery" d
        SET status = 'delivered', "deliveredAt" = ${now}, "providerMessageId" = r.provider,
            "lastStatusCode" = ${status}, "lastError" = ${error}, "updatedAt" = ${now}
        FROM jsonb_to_recordset(${rows}::jsonb) AS r(id text, provider text)
        WHERE d.id = r.id`;
      await tx.notificationChannel.updateMany({
        where: { id: { in: deliveries.map((d) => d.channelId) } },
        data: { lastSuccessAt: now },
      });
      return { done: true as const };
    }
    // A 422 for the whole batch means nothing was sent: split it so one bad address fails alone.
    if (!result.retryable && result.code === "validation_error" && deliveries.length > 1) {
      await tx.emailBatch.update({
        where: { id: batch.id },
        data: { status: "failed", lastStatusCode: status, lastError: error },
      });
      for (const d of deliveries) {
        const solo = randomUUID();
        await tx.emailBatch.create({ data: { id: solo, nextAttemptAt: now } });
        await tx.notificationDelivery.update({ where: { id: d.id }, data: { batchId: solo } });
      }
      return { done: true as const };
    }
    const final = !result.retryable || batch.attempts >= MAX_ATTEMPTS;
    const next = final ? null : nextAttemptAt(now, batch.attempts, result.status === 429 ? 1000 : undefined);
    await tx.emailBatch.update({
      where: { id: batch.id },
      data: {
        status: final ? "failed" : "pending",
        lastStatusCode: status,
        lastError: error,
        ...(next ? { nextAttemptAt: next } : {}),
      },
    });
    await tx.notificationDelivery.updateMany({
      where: { batchId: batch.id },
      data: { status: final ? "failed" : "pending", lastStatusCode: status, lastError: error },
    });
    return next ? { done: false as const, nextAttemptAt: next } : { done: true as const };
  });
  ctx.crash?.("send:recorded", { channelType: "email" });
  return outcome;
}

/** Sends every email batch that is due, one Resend call at a time within the rate limit. */
export async function sendDueEmail(ctx: EmailContext & { limit?: number } = {}): Promise<{ batches: number }> {
  const claimed = await claimBatches(clock(ctx), ctx.limit ?? 50);
  for (const b of claimed) await attemptBatch(b, ctx);
  return { batches: claimed.length };
}

/** One batch by id (an Inngest run). */
export async function sendEmailBatch(id: string, ctx: EmailContext = {}): Promise<BatchResult> {
  const [b] = await claimBatches(clock(ctx), 1, id);
  if (!b) {
    const row = await db.emailBatch.findUnique({ where: { id }, select: { status: true, nextAttemptAt: true } });
    return row?.status === "pending" ? { done: false, nextAttemptAt: row.nextAttemptAt } : { done: true };
  }
  return attemptBatch(b, ctx);
}
