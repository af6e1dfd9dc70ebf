import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubscriberFilter } from "@/lib/notify/select";

type Tx = Prisma.TransactionClient;

export interface Subscriber {
  subscriptionId: string;
  userId: string;
  filter: SubscriberFilter;
  emailEnabled: boolean;
  prefs: {
    instant: boolean;
    timeZone: string;
    quietHours: boolean;
    quietStart: number;
    quietEnd: number;
    quietAllowsCritical: boolean;
  };
  /** Enabled channels: the account's email and any chat or webhook channels. */
  channels: Array<{ id: string; type: string }>;
}

const DEFAULT_PREFS: Subscriber["prefs"] = {
  instant: true,
  timeZone: "UTC",
  quietHours: false,
  quietStart: 1320,
  quietEnd: 420,
  quietAllowsCritical: true,
};

/**
 * Everyone subscribed to a vendor, with what alerting needs to decide and address their alerts.
 * A user whose email channel row is missing (it is created with the account) gets it here, so an
 * alert is never dropped for want of a row.
 */
export async function loadSubscribers(
  tx: Tx,
  vendorId: string,
  byProviderId: Map<string, string>,
): Promise<Subscriber[]> {
  const subs = await tx.subscription.findMany({
    where: { vendorId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      userId: true,
      componentFilter: true,
      minimumImpact: true,
      maintenances: true,
      eventMode: true,
      emailEnabled: true,
      components: { select: { componentId: true } },
      user: {
        select: {
          email: true,
          preferences: true,
          channels: {
            where: { enabled: true, disabledAt: null },
            select: { id: true, type: true },
            orderBy: { id: "asc" },
          },
        },
      },
    },
  });
  const missingEmail = subs.filter((s) => s.user.email && !s.user.channels.some((c) => c.type === "email"));
  if (missingEmail.length) {
    await tx.notificationChannel.createMany({
      data: missingEmail.map((s) => ({ userId: s.userId, type: "email" as const, target: s.user.email as string })),
      skipDuplicates: true,
    });
    const created = await tx.notificationChannel.findMany({
      where: { userId: { in: missingEmail.map((s) => s.userId) }, type: "email", enabled: true, disabledAt: null },
      select: { id: true, type: true, userId: true },
    });
    for (const s of missingEmail) s.user.channels.push(...created.filter((c) => c.userId === s.userId));
  }
  const providerOf = new Map([...byProviderId].map(([providerId, id]) => [id, providerId]));
  return subs.map((s) => ({
    subscriptionId: s.id,
    userId: s.userId,
    emailEnabled: s.emailEnabled,
    filter: {
      componentFilter: s.componentFilter,
      components: new Set(
        s.components.map((c) => providerOf.get(c.componentId)).filter((c): c is string => Boolean(c)),
      ),
      minimumImpact: s.minimumImpact,
      maintenances: s.maintenances,
      eventMode: s.eventMode,
    },
    prefs: s.user.preferences ? { ...DEFAULT_PREFS, ...pick(s.user.preferences) } : DEFAULT_PREFS,
    channels: s.user.channels.map((c) => ({ id: c.id, type: c.type })),
  }));
}

function pick(p: Subscriber["prefs"]): Subscriber["prefs"] {
  const { instant, timeZone, quietHours, quietStart, quietEnd, quietAllowsCritical } = p;
  return { instant, timeZone, quietHours, quietStart, quietEnd, quietAllowsCritical };
}

/** The user's email channel (made from the account address when the row is missing), or null. */
export async function emailChannelOf(tx: Tx, userId: string): Promise<{ id: string } | null> {
  const found = await tx.notificationChannel.findFirst({
    where: { userId, type: "email" },
    orderBy: { createdAt: "asc" },
  });
  if (found) return found.enabled && !found.disabledAt ? { id: found.id } : null;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user?.email) return null;
  await tx.notificationChannel.createMany({
    data: [{ userId, type: "email", target: user.email }],
    skipDuplicates: true,
  });
  return tx.notificationChannel.findFirst({ where: { userId, type: "email" }, select: { id: true } });
}
