import { z } from "zod";
import { db } from "@/lib/db";
import { type UnsubscribeTarget, linkSecret, parseUnsubscribe, verifyToken } from "@/lib/notify/links";

/**
 * What the links in our emails may change without a sign-in: the token in the link names the one
 * subscription (one-click unsubscribe) or the one user (the preferences page) it was made for.
 */
export async function unsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const id = verifyToken(await linkSecret(), "unsubscribe", token);
  return id ? parseUnsubscribe(id) : null;
}

export async function preferencesUser(token: string): Promise<string | null> {
  return verifyToken(await linkSecret(), "preferences", token);
}

/** RFC 8058 one-click: email about that vendor (or the digest) stops now, queued mail included. */
export async function unsubscribe(target: UnsubscribeTarget): Promise<{ vendorName: string | null } | null> {
  if ("subscriptionId" in target) {
    const sub = await db.subscription.findUnique({
      where: { id: target.subscriptionId },
      include: { vendor: { select: { name: true } } },
    });
    if (!sub) return null;
    await db.$transaction([
      db.subscription.update({ where: { id: sub.id }, data: { emailEnabled: false } }),
      db.notificationDelivery.updateMany({
        where: {
          subscriptionId: sub.id,
          status: { in: ["pending", "held"] },
          batchId: null,
          channel: { type: "email" },
        },
        data: { status: "suppressed", lastError: "unsubscribed" },
      }),
    ]);
    return { vendorName: sub.vendor.name };
  }
  const user = await db.user.findUnique({ where: { id: target.digestOf }, select: { id: true } });
  if (!user) return null;
  await db.notificationPreference.upsert({
    where: { userId: user.id },
    create: { userId: user.id, digest: "off" },
    update: { digest: "off" },
  });
  return { vendorName: null };
}

/** Bounced and complaining addresses (the Resend webhook): never mailed again. */
export async function suppressAddress(address: string, reason: string, detail: string | null): Promise<number> {
  const email = address.trim().toLowerCase();
  if (!email) return 0;
  return db.$transaction(async (tx) => {
    await tx.emailSuppression.upsert({
      where: { email },
      create: { email, reason, detail },
      update: { reason, detail },
    });
    const channels = await tx.notificationChannel.findMany({
      where: { type: "email", target: { equals: email, mode: "insensitive" }, disabledAt: null },
      select: { id: true },
    });
    const ids = channels.map((c) => c.id);
    if (!ids.length) return 0;
    const now = new Date();
    await tx.notificationChannel.updateMany({
      where: { id: { in: ids } },
      data: { disabledAt: now, disabledReason: `${reason}${detail ? `: ${detail}` : ""}`.slice(0, 300) },
    });
    await tx.notificationDelivery.updateMany({
      where: { channelId: { in: ids }, status: { in: ["pending", "held"] }, batchId: null },
      data: { status: "suppressed", lastError: `address ${reason}` },
    });
    return ids.length;
  });
}

export async function loadPreferences(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      preferences: true,
      subscriptions: {
        select: { id: true, emailEnabled: true, vendor: { select: { name: true, slug: true } } },
        orderBy: { vendor: { name: "asc" } },
      },
      channels: { where: { type: "email" }, select: { disabledAt: true, disabledReason: true } },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    instant: user.preferences?.instant ?? true,
    digest: user.preferences?.digest ?? "off",
    emailDisabled: user.channels.find((c) => c.disabledAt)?.disabledReason ?? null,
    subscriptions: user.subscriptions.map((s) => ({ id: s.id, emailEnabled: s.emailEnabled, vendor: s.vendor })),
  };
}

export const preferencesInput = z.object({
  instant: z.boolean(),
  digest: z.enum(["off", "daily", "weekly"]),
  /** Subscription ids whose email stays on; every other subscription of the user is turned off. */
  emailOn: z.array(z.string()).max(1000),
});

export async function savePreferences(userId: string, input: z.infer<typeof preferencesInput>): Promise<void> {
  const on = new Set(input.emailOn);
  const subs = await db.subscription.findMany({ where: { userId }, select: { id: true } });
  await db.$transaction([
    db.notificationPreference.upsert({
      where: { userId },
      create: { userId, instant: input.instant, digest: input.digest },
      update: { instant: input.instant, digest: input.digest },
    }),
    db.subscription.updateMany({
      where: { userId, id: { in: subs.filter((s) => on.has(s.id)).map((s) => s.id) } },
      data: { emailEnabled: true },
    }),
    db.subscription.updateMany({ where: { userId, id: { notIn: [...on] } }, data: { emailEnabled: false } }),
  ]);
}

export async function stopVendorEmail(userId: string, subscriptionId: string): Promise<string | null> {
  const sub = await db.subscription.findFirst({ where: { id: subscriptionId, userId }, select: { id: true } });
  if (!sub) return null;
  return (await unsubscribe({ subscriptionId: sub.id }))?.vendorName ?? null;
}
