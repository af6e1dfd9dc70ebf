import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BlockedAddressError, resolveSafely } from "@/lib/net/ssrf";
import type { NoticeMessage } from "@/lib/notify/message";
import { sendChatDelivery } from "@/lib/notify/send-chat";
import { formEmailBatches, sendEmailBatch } from "@/lib/notify/send-email";

/**
 * The channels page's data layer: a user's channels and their delivery log, adding, removing,
 * turning on and off, and "Send test". Every function is scoped by the acting user's id.
 */
export class ChannelInputError extends Error {
  override name = "ChannelInputError";
}

export const CHANNEL_TYPES = ["slack", "discord", "teams", "webhook"] as const;

export const channelInput = z.object({
  type: z.enum(CHANNEL_TYPES, { error: "Choose Slack, Discord, Microsoft Teams or a webhook." }),
  name: z.string().trim().max(80, "Keep the name under 80 characters.").optional(),
  url: z.string().trim().min(1, "Paste the webhook URL.").max(2000, "That URL is too long."),
});

/** What the page shows of a URL: enough to recognise it, not the secret path that lets anyone post. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.origin}/…${u.pathname.length > 12 ? u.pathname.slice(-4) : ""}`;
  } catch {
    return "…";
  }
}

export async function listChannels(userId: string) {
  const channels = await db.notificationChannel.findMany({
    where: { userId },
    orderBy: [{ type: "asc" }, { createdAt: "asc" }],
  });
  const attempts = await db.deliveryAttempt.findMany({
    where: { channelId: { in: channels.map((c) => c.id) } },
    orderBy: { at: "desc" },
    take: 300,
    select: {
      id: true,
      channelId: true,
      at: true,
      statusCode: true,
      error: true,
      durationMs: true,
      delivery: { select: { kind: true, status: true } },
    },
  });
  return channels.map((c) => ({
    id: c.id,
    type: c.type,
    name: c.name,
    target: c.type === "email" ? c.target : redactUrl(c.target),
    secret: c.type === "webhook" ? c.secret : null,
    active: c.enabled && !c.disabledAt,
    disabledReason: c.disabledAt ? c.disabledReason : c.enabled ? null : "turned off by you",
    consecutiveFailures: c.consecutiveFailures,
    lastSuccessAt: c.lastSuccessAt,
    log: attempts.filter((a) => a.channelId === c.id).slice(0, 15),
  }));
}

async function checkUrl(type: (typeof CHANNEL_TYPES)[number], raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ChannelInputError("That is not a URL: paste the whole webhook address, starting with https://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ChannelInputError("Webhook URLs start with https://.");
  if (url.username || url.password) throw new ChannelInputError("Leave the user name and password out of the URL.");
  try {
    // The same guard as every request we make to it: checked now for a clear answer, and again at each send.
    await resolveSafely(url);
  } catch (e) {
    if (e instanceof BlockedAddressError)
      throw new ChannelInputError(`Vendorwatch only posts to public addresses, and ${url.hostname} is not one.`);
    throw new ChannelInputError(`${url.hostname} does not resolve: check the URL.`);
  }
  if (url.protocol === "http:" && type !== "webhook")
    throw new ChannelInputError("Use the https:// address the service gave you.");
  return url.toString();
}

export async function addChannel(userId: string, input: z.infer<typeof channelInput>) {
  const target = await checkUrl(input.type, input.url);
  const exists = await db.notificationChannel.findFirst({ where: { userId, type: input.type, target } });
  if (exists) throw new ChannelInputError("That channel is already on your list.");
  const label = { slack: "Slack", discord: "Discord", teams: "Teams", webhook: "Webhook" }[input.type];
  return db.notificationChannel.create({
    data: {
      userId,
      type: input.type,
      target,
      name: input.name || `${label} channel`,
      secret: input.type === "webhook" ? `whsec_${randomBytes(24).toString("base64")}` : null,
    },
  });
}

export async function removeChannel(userId: string, channelId: string): Promise<boolean> {
  const r = await db.notificationChannel.deleteMany({ where: { id: channelId, userId, type: { not: "email" } } });
  return r.count > 0;
}

/** Turning a channel back on clears the failures that turned it off. */
export async function setChannelEnabled(userId: string, channelId: string, enabled: boolean): Promise<boolean> {
  const r = await db.notificationChannel.updateMany({
    where: { id: channelId, userId },
    data: enabled
      ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
      : { enabled: false },
  });
  return r.count > 0;
}

/** Sends a test message now and returns what the destination answered. */
export async function sendTest(userId: string, channelId: string): Promise<{ ok: boolean; detail: string }> {
  const channel = await db.notificationChannel.findFirst({ where: { id: channelId, userId } });
  if (!channel) throw new ChannelInputError("That channel is gone.");
  if (!channel.enabled || channel.disabledAt) throw new ChannelInputError("Turn the channel on before sending a test.");
  const notice: NoticeMessage = { v: 1, type: "test", channelName: channel.name ?? channel.target };
  const id = randomUUID();
  await db.notificationDelivery.create({
    data: {
      id,
      key: `test:${channel.id}:${id}`,
      kind: "test",
      userId,
      channelId,
      payload: notice as unknown as Prisma.InputJsonValue,
    },
  });
  if (channel.type === "email") {
    await formEmailBatches();
    const d = await db.notificationDelivery.findUniqueOrThrow({ where: { id }, select: { batchId: true } });
    if (d.batchId) await sendEmailBatch(d.batchId);
  } else {
    await sendChatDelivery(id);
  }
  // A test is sent once: one that failed now should not turn up an hour later.
  await db.notificationDelivery.updateMany({ where: { id, status: "pending" }, data: { status: "failed" } });
  const d = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
  if (d.status === "delivered") return { ok: true, detail: d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "accepted" };
  return { ok: false, detail: d.lastError ?? d.status };
}
