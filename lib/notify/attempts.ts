import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NoticeMessage } from "@/lib/notify/message";
import { DISABLE_AFTER_FAILURES } from "@/lib/notify/retry";

type Tx = Prisma.TransactionClient;

const TYPE_NAME: Record<string, string> = {
  slack: "Slack",
  discord: "Discord",
  teams: "Teams",
  webhook: "Webhook",
  email: "Email",
};

/**
 * Turns a channel off (the tenth failure in a row, see send-chat.ts), holds back what was still
 * queued for it, and writes the owner an email (unless the failing channel is that email).
 */
export async function disableChannel(
  tx: Tx,
  channel: { id: string; userId: string; type: string; name: string | null; target: string },
  reason: string,
  now: Date,
): Promise<void> {
  await tx.notificationChannel.update({
    where: { id: channel.id },
    data: {
      disabledAt: now,
      disabledReason: `${DISABLE_AFTER_FAILURES} failed deliveries in a row: ${reason}`.slice(0, 400),
    },
  });
  await tx.notificationDelivery.updateMany({
    where: { channelId: channel.id, status: { in: ["pending", "held"] }, batchId: null },
    data: { status: "suppressed", lastError: "channel turned off" },
  });
  if (channel.type === "email") return;
  const email = await tx.notificationChannel.findFirst({
    where: { userId: channel.userId, type: "email", enabled: true, disabledAt: null },
    select: { id: true },
  });
  if (!email) return;
  const notice: NoticeMessage = {
    v: 1,
    type: "channel_disabled",
    channelType: channel.type,
    channelName: channel.name ?? `${TYPE_NAME[channel.type] ?? channel.type} channel`,
    reason,
  };
  await tx.notificationDelivery.createMany({
    data: [
      {
        id: randomUUID(),
        key: `notice:channel-disabled:${channel.id}:${now.toISOString()}`,
        kind: "notice",
        userId: channel.userId,
        channelId: email.id,
        payload: notice as unknown as Prisma.InputJsonValue,
        nextAttemptAt: now,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}
