import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { impactAtLeast } from "@/lib/domain/vocabulary";
import { type NotifyContext, clock } from "@/lib/notify/context";
import type { DigestMessage } from "@/lib/notify/message";
import { emailChannelOf } from "@/lib/notify/subscribers";
import { type DigestOccurrence, type DigestSchedule, digestPeriodStart, latestDigest } from "@/lib/notify/schedule";

/**
 * Digests. Every sweep looks for users whose digest time has come in their own zone and who have
 * no DigestRun for that period yet; the run, the message and the delivery are written in one
 * transaction, and (userId, period) is unique, so a digest is sent once even when two sweeps race,
 * and a missed one (the server was down) goes out once when it is back.
 */
export async function runDueDigests(ctx: NotifyContext = {}): Promise<{ sent: number; empty: number }> {
  const now = clock(ctx);
  const tally = { sent: 0, empty: 0 };
  let cursor: string | undefined;
  for (;;) {
    const prefs = await db.notificationPreference.findMany({
      where: { digest: { not: "off" }, ...(cursor ? { userId: { gt: cursor } } : {}) },
      orderBy: { userId: "asc" },
      take: 500,
    });
    if (!prefs.length) break;
    cursor = prefs.at(-1)?.userId;
    // A digest due before the user last changed their settings is not theirs to catch up on
    // (someone who turns digests on in the evening gets the next one, not this morning's).
    const due = prefs.flatMap((p) => {
      const o = latestDigest(p, now);
      return o && o.at.getTime() >= p.updatedAt.getTime() ? [{ p, o }] : [];
    });
    if (!due.length) continue;
    const done = await db.digestRun.findMany({
      where: { OR: due.map(({ p, o }) => ({ userId: p.userId, period: o.period })) },
      select: { userId: true, period: true },
    });
    const seen = new Set(done.map((d) => `${d.userId}|${d.period}`));
    for (const { p, o } of due) {
      if (seen.has(`${p.userId}|${o.period}`)) continue;
      const outcome = await createDigest(p.userId, p, o, now);
      if (outcome === "sent") tally.sent++;
      else if (outcome === "empty") tally.empty++;
    }
  }
  return tally;
}

type Prefs = DigestSchedule & { digestWhenEmpty: boolean };

async function createDigest(userId: string, prefs: Prefs, o: DigestOccurrence, now: Date) {
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.digestRun.findFirst({ where: { userId }, orderBy: { periodEnd: "desc" } });
      const start = digestPeriodStart(o, last?.periodEnd ?? null, prefs);
      const end = o.at;
      const message = await gather(tx, userId, prefs, o, start, end);
      const empty = message.vendors.every((v) => !v.incidents.length && !v.maintenances.length);
      const email = await emailChannelOf(tx, userId);
      const outcome = !email ? "no_channel" : empty && !prefs.digestWhenEmpty ? "empty" : "sent";
      await tx.digestRun.create({ data: { userId, period: o.period, periodStart: start, periodEnd: end, outcome } });
      if (outcome !== "sent" || !email) return outcome;
      const stored = await tx.notificationMessage.create({
        data: {
          key: `digest:${userId}:${o.period}`,
          kind: "digest",
          payload: message as unknown as Prisma.InputJsonValue,
        },
      });
      await tx.notificationDelivery.create({
        data: {
          id: randomUUID(),
          key: `digest:${o.period}:${userId}:${email.id}`,
          kind: "digest",
          userId,
          channelId: email.id,
          messageId: stored.id,
          payload: {},
          nextAttemptAt: now,
          createdAt: now,
        },
      });
      // Alerts quiet hours held for this user are in the digest: do not send them again after it.
      await tx.notificationDelivery.updateMany({
        where: { userId, status: "held", createdAt: { lte: end } },
        data: { status: "suppressed", lastError: "included in the digest" },
      });
      return outcome;
    });
  } catch (e) {
    // Another sweep wrote this period's run first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return "raced";
    throw e;
  }
}

async function gather(
  tx: Prisma.TransactionClient,
  userId: string,
  prefs: Prefs,
  o: DigestOccurrence,
  start: Date,
  end: Date,
): Promise<DigestMessage> {
  const subs = await tx.subscription.findMany({
    where: { userId },
    include: {
      vendor: { select: { id: true, slug: true, name: true } },
      components: { select: { componentId: true } },
    },
    orderBy: { vendor: { name: "asc" } },
  });
  const vendorIds = subs.map((s) => s.vendorId);
  const [incidents, maintenances] = await Promise.all([
    tx.incident.findMany({
      where: {
        vendorId: { in: vendorIds },
        startedAt: { lt: end },
        OR: [{ resolvedAt: null }, { resolvedAt: { gte: start } }],
      },
      include: { components: { select: { componentId: true, component: { select: { name: true } } } } },
      orderBy: { startedAt: "asc" },
    }),
    tx.maintenance.findMany({
      where: {
        vendorId: { in: vendorIds },
        scheduledFor: { lt: end },
        OR: [{ scheduledUntil: { gte: start } }, { scheduledUntil: null, scheduledFor: { gte: start } }],
      },
      include: { components: { select: { componentId: true } } },
      orderBy: { scheduledFor: "asc" },
    }),
  ]);
  return {
    v: 1,
    period: o.period,
    frequency: prefs.digest === "weekly" ? "weekly" : "daily",
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    timeZone: prefs.timeZone,
    vendors: subs.map((s) => {
      const chosen = new Set(s.components.map((c) => c.componentId));
      const concerns = (ids: string[]) => !s.componentFilter || ids.length === 0 || ids.some((id) => chosen.has(id));
      return {
        slug: s.vendor.slug,
        name: s.vendor.name,
        incidents: incidents
          .filter((i) => i.vendorId === s.vendorId && impactAtLeast(i.impact, s.minimumImpact))
          .filter((i) => concerns(i.components.map((c) => c.componentId)))
          .map((i) => ({
            id: i.providerId,
            title: i.title,
            impact: i.impact,
            status: i.status,
            startedAt: i.startedAt.toISOString(),
            resolvedAt: i.resolvedAt?.toISOString() ?? null,
            url: i.url,
            components: i.components.map((c) => c.component.name),
          })),
        maintenances: !s.maintenances
          ? []
          : maintenances
              .filter((m) => m.vendorId === s.vendorId && concerns(m.components.map((c) => c.componentId)))
              .map((m) => ({
                id: m.providerId,
                title: m.title,
                status: m.status,
                scheduledFor: m.scheduledFor?.toISOString() ?? null,
                scheduledUntil: m.scheduledUntil?.toISOString() ?? null,
              })),
      };
    }),
  };
}
