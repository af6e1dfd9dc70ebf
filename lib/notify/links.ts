import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appUrl } from "@/env";
import { db } from "@/lib/db";

/**
 * Links in alerts. Unsubscribe and preference links carry a token signed with a secret kept in the
 * database (AppSecret), so every instance of an install accepts the links any of them wrote.
 */
export const vendorUrl = (slug: string) => `${appUrl()}/vendors/${encodeURIComponent(slug)}`;
export const incidentUrl = (slug: string, id: string) => `${vendorUrl(slug)}/incidents/${encodeURIComponent(id)}`;

export type LinkPurpose = "unsubscribe" | "preferences";
const PREFIX: Record<LinkPurpose, string> = { unsubscribe: "u", preferences: "p" };

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export function signToken(secret: string, purpose: LinkPurpose, id: string): string {
  const body = `${PREFIX[purpose]}.${b64(id)}`;
  const mac = createHmac("sha256", secret).update(body).digest().subarray(0, 16);
  return `${body}.${b64(mac)}`;
}

/** The id a token was signed for, or null for anything forged, truncated or meant for another purpose. */
export function verifyToken(secret: string, purpose: LinkPurpose, token: string): string | null {
  const [prefix, id, mac] = token.split(".");
  if (prefix !== PREFIX[purpose] || !id || !mac) return null;
  const expected = createHmac("sha256", secret).update(`${prefix}.${id}`).digest().subarray(0, 16);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(id, "base64url").toString("utf8");
}

let cached: Promise<string> | null = null;

/** The install's link secret, made on first use (insert-if-absent, then read: instances agree). */
export function linkSecret(): Promise<string> {
  cached ??= (async () => {
    await db.appSecret.createMany({
      data: [{ name: "notify-links", value: randomBytes(32).toString("hex") }],
      skipDuplicates: true,
    });
    const row = await db.appSecret.findUniqueOrThrow({ where: { name: "notify-links" } });
    return row.value;
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** What a one-click unsubscribe turns off: email about one subscription's vendor, or digests. */
export type UnsubscribeTarget = { subscriptionId: string } | { digestOf: string };

export async function unsubscribeUrl(target: UnsubscribeTarget): Promise<string> {
  const id = "subscriptionId" in target ? `s:${target.subscriptionId}` : `d:${target.digestOf}`;
  return `${appUrl()}/api/unsubscribe/${signToken(await linkSecret(), "unsubscribe", id)}`;
}

export function parseUnsubscribe(id: string): UnsubscribeTarget | null {
  if (id.startsWith("s:")) return { subscriptionId: id.slice(2) };
  if (id.startsWith("d:")) return { digestOf: id.slice(2) };
  return null;
}

export async function preferencesUrl(userId: string): Promise<string> {
  return `${appUrl()}/notifications/${signToken(await linkSecret(), "preferences", userId)}`;
}
