import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * "Monitor <vendor>" from a signed-out visitor: the sign-in link carries where to land
 * (/dashboard/follow?vendor=...&intent=...). The intent is an HMAC of the address the link was
 * sent to and the vendor, so only that person's own sign-in can follow on their behalf; a link
 * someone else crafted follows nothing without a click.
 */
export function followIntent(email: string, slug: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`follow\0${email.toLowerCase()}\0${slug}`)
    .digest("base64url")
    .slice(0, 32);
}

export function verifyFollowIntent(given: string, email: string, slug: string, secret: string): boolean {
  const expected = Buffer.from(followIntent(email, slug, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function followLandingPath(slug: string, intent?: string): string {
  const q = new URLSearchParams({ vendor: slug });
  if (intent) q.set("intent", intent);
  return `/dashboard/follow?${q}`;
}
