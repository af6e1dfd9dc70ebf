import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REMINDER_EVENT } from "@/lib/notify/changes";
import { type NotifyContext, clock } from "@/lib/notify/context";

/**
 * Periodic work no poll triggers: held alerts whose quiet hours ended, reminders an hour before a
 * maintenance starts, and the last word on components that flap control held back. Reminders and
 * settled flaps become outbox rows with unique keys, so the fan-out treats them like any poll's
 * events and a sweep that runs twice writes them once.
 */
const HOUR = 60 * 60_000;

export async function releaseHeld(ctx: NotifyContext = {}): Promise<number> {
  const now = clock(ctx);
  const r = await db.notificationDelivery.updateMany({
    where: { status: "held", heldUntil: { lte: now } },
    data: { status: "pending", nextAttemptAt: now },
  });
  return r.count;
}

export async function remindMaintenances(ctx: NotifyContext = {}): Promise<number> {
  const now = clock(ctx);
  const soon = await db.maintenance.findMany({
    where: {
      status: "scheduled",
      scheduledFor: { gt: now, lte: new Date(now.getTime() + HOUR) },
      vendor: { subscriptions: { some: { maintenances: true } } },
    },
    include: {
      vendor: { select: { id: true, slug: true, name: true } },
      components: { select: { component: { select: { providerId: true } } } },
    },
  });
  if (!soon.length) return 0;
  // Announced less than an hour ahead, the "scheduled" alert already says it is about to start.
  const announced = await db.alertMemory.findMany({
    where: { OR: soon.map((m) => ({ vendorId: m.vendorId, subject: `maintenance:${m.providerId}` })) },
  });
  const announcedAt = new Map(announced.map((a) => [`${a.vendorId}|${a.subject}`, a.lastAlertAt.getTime()]));
  const due = soon.filter((m) => {
    const at = announcedAt.get(`${m.vendorId}|maintenance:${m.providerId}`);
    return m.scheduledFor && (at === undefined || at <= m.scheduledFor.getTime() - HOUR);
  });
  if (!due.length) return 0;
  const rows = due.map((m) => {
    const key = `${m.vendorId}:${REMINDER_EVENT}:${m.providerId}:${m.scheduledFor?.toISOString()}`;
    const payload = {
      vendorId: m.vendor.id,
      vendorSlug: m.vendor.slug,
      vendorName: m.vendor.name,
      detectedAt: now.toISOString(),
      maintenance: {
        id: m.providerId,
        title: m.title,
        status: m.status,
        scheduledFor: m.scheduledFor?.toISOString() ?? null,
        scheduledUntil: m.scheduledUntil?.toISOString() ?? null,
        componentIds: m.components.map((c) => c.component.providerId),
      },
    };
    return { idempotencyKey: key, pollId: key, event: REMINDER_EVENT, vendorId: m.vendorId, payload };
  });
  const r = await db.notificationOutbox.createMany({ data: rows, skipDuplicates: true });
  return r.count;
}

export async function settleFlaps(ctx: NotifyContext = {}): Promise<number> {
  const now = clock(ctx);
  const held = await db.alertMemory.findMany({
    where: { settleAt: { lte: now } },
    include: { vendor: { select: { slug: true, name: true } } },
    take: 500,
  });
  let emitted = 0;
  for (const m of held) {
    const providerId = m.subject.startsWith("component:") ? m.subject.slice("component:".length) : null;
    await db.$transaction(async (tx) => {
      const cleared = await tx.alertMemory.updateMany({
        where: { vendorId: m.vendorId, subject: m.subject, settleAt: m.settleAt },
        data: { settleAt: null },
      });
      if (!cleared.count || !providerId) return;
      const component = await tx.component.findUnique({
        where: { vendorId_providerId: { vendorId: m.vendorId, providerId } },
      });
      if (!component || component.removedAt || component.status === m.status) return;
      const key = `${m.vendorId}:component.settle:${providerId}:${m.settleAt?.toISOString()}`;
      const payload: Prisma.InputJsonValue = {
        vendorId: m.vendorId,
        vendorSlug: m.vendor.slug,
        vendorName: m.vendor.name,
        detectedAt: now.toISOString(),
        componentId: providerId,
        componentName: component.name,
        group: component.group,
        from: m.status,
        to: component.status,
      };
      const r = await tx.notificationOutbox.createMany({
        data: [
          { idempotencyKey: key, pollId: key, event: "vendor/component.status_changed", vendorId: m.vendorId, payload },
        ],
        skipDuplicates: true,
      });
      emitted += r.count;
    });
  }
  return emitted;
}
