import { Webhook } from "standardwebhooks";
import { env } from "@/env";
import { suppressAddress } from "@/lib/notify/preferences";

/**
 * Resend's webhook (Standard Webhooks, signed by Svix): bounced and complaining addresses are
 * suppressed and their email channels turned off. The signature is checked over the raw body,
 * before anything is parsed.
 */
interface ResendEvent {
  type: string;
  data?: { to?: string[] | string; email?: string; bounce?: { type?: string; message?: string } };
}

const header = (h: Headers, name: string) => h.get(`webhook-${name}`) ?? h.get(`svix-${name}`) ?? "";

export async function POST(request: Request) {
  if (!env.RESEND_WEBHOOK_SECRET)
    return Response.json({ error: "RESEND_WEBHOOK_SECRET is not set on this server" }, { status: 503 });
  const raw = await request.text();
  let event: ResendEvent;
  try {
    event = new Webhook(env.RESEND_WEBHOOK_SECRET).verify(raw, {
      "webhook-id": header(request.headers, "id"),
      "webhook-timestamp": header(request.headers, "timestamp"),
      "webhook-signature": header(request.headers, "signature"),
    }) as ResendEvent;
  } catch {
    return Response.json({ error: "invalid signature" }, { status: 401 });
  }
  const to = event.data?.to;
  const recipients = Array.isArray(to) ? to : to ? [to] : [];
  let suppressed = 0;
  if (event.type === "email.bounced" && event.data?.bounce?.type?.toLowerCase() !== "transient") {
    for (const r of recipients) suppressed += await suppressAddress(r, "bounced", event.data?.bounce?.message ?? null);
  } else if (event.type === "email.complained") {
    for (const r of recipients) suppressed += await suppressAddress(r, "complained", null);
  } else if (event.type === "suppression.added" && event.data?.email) {
    suppressed += await suppressAddress(event.data.email, "suppressed", null);
  }
  return Response.json({ ok: true, type: event.type, channelsTurnedOff: suppressed });
}
