import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A user with the email channel every account has (see prisma/schema.prisma), and preferences. */
export async function createUser(
  opts: { email?: string; prefs?: Partial<Prisma.NotificationPreferenceCreateWithoutUserInput> } = {},
) {
  const email = opts.email ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  return db.user.create({
    data: {
      email,
      channels: { create: { type: "email", target: email } },
      ...(opts.prefs ? { preferences: { create: opts.prefs } } : {}),
    },
    include: { channels: true },
  });
}

export async function subscribe(
  userId: string,
  vendorId: string,
  opts: Partial<Omit<Prisma.SubscriptionUncheckedCreateInput, "userId" | "vendorId">> & { components?: string[] } = {},
) {
  const { components, ...rest } = opts;
  const ids = components?.length
    ? (await db.component.findMany({ where: { vendorId, providerId: { in: components } }, select: { id: true } })).map(
        (c) => c.id,
      )
    : [];
  return db.subscription.create({
    data: {
      userId,
      vendorId,
      componentFilter: Boolean(components?.length),
      ...rest,
      components: { create: ids.map((componentId) => ({ componentId })) },
    },
  });
}

export const webhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export async function addChannel(
  userId: string,
  type: "slack" | "discord" | "teams" | "webhook",
  target: string,
  secret?: string,
) {
  return db.notificationChannel.create({
    data: { userId, type, target, secret: secret ?? null, name: `${type} test` },
  });
}
