import { createHash } from "node:crypto";
import { render } from "@react-email/components";
import { appUrl } from "@/env";
import { db } from "@/lib/db";
import { emailTransport } from "@/lib/email/transport";
import SignInLinkEmail, { signInLinkText } from "@/lib/email/templates/sign-in-link";

/** Sign-in links work for a day (Auth.js stores the expiry with the token). */
export const SIGN_IN_LINK_MAX_AGE_S = 24 * 60 * 60;

/**
 * The link we email is our own confirm page, not the Auth.js callback: both GET and POST of the
 * callback spend the token, and mail scanners GET every link. The confirm page only shows a
 * "Sign in" button whose form POSTs to the callback, so a scanner's visit spends nothing.
 */
export function confirmUrl(callbackUrl: string): string {
  const given = new URL(callbackUrl);
  const url = new URL("/login/confirm", appUrl());
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = given.searchParams.get(key);
    if (value !== null) url.searchParams.set(key, value);
  }
  return url.toString();
}

/** The Auth.js callback the confirm page's button posts to (same query as the emailed link). */
export function callbackActionPath(params: { token: string; email: string; callbackUrl: string | null }): string {
  const q = new URLSearchParams({ token: params.token, email: params.email });
  if (params.callbackUrl) q.set("callbackUrl", params.callbackUrl);
  return `/api/auth/callback/resend?${q}`;
}

export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const link = confirmUrl(url);
  const props = { url: link, email: identifier, validFor: "24 hours" };
  const html = await render(<SignInLinkEmail {...props} />);
  const token = new URL(url).searchParams.get("token") ?? link;
  const result = await emailTransport().send(
    [{ to: identifier, subject: "Sign in to Vendorwatch", html, text: signInLinkText(props) }],
    // One key per link: a retried send never mails the same link twice.
    { idempotencyKey: `sign-in:${createHash("sha256").update(token).digest("hex").slice(0, 32)}` },
  );
  if (!result.ok) throw new Error(`the sign-in email could not be sent (${result.code}): ${result.message}`);
}

export type SignInLinkState = "valid" | "expired" | "used" | "malformed";

const TOKEN = /^[0-9a-f]{64}$/;

/**
 * What the confirm page tells its visitor, read without changing anything: the token is looked
 * up the way Auth.js stores it (sha256 of token + secret) and never consumed here.
 */
export async function inspectSignInLink(
  params: { token?: string; email?: string },
  secret: string,
  now = new Date(),
): Promise<SignInLinkState> {
  const { token, email } = params;
  if (!token || !email || !TOKEN.test(token) || !email.includes("@")) return "malformed";
  const row = await db.verificationToken.findUnique({
    where: {
      identifier_token: { identifier: email, token: createHash("sha256").update(`${token}${secret}`).digest("hex") },
    },
    select: { expires: true },
  });
  if (!row) return "used";
  return row.expires.getTime() < now.getTime() ? "expired" : "valid";
}
