import { createHash, randomBytes } from "node:crypto";
import { render } from "@react-email/components";
import { z } from "zod";
import { appUrl } from "@/env";
import { db } from "@/lib/db";
import { InvalidInputError, NotFoundError, RateLimitedError } from "@/lib/data/errors";
import { emailTransport } from "@/lib/email/transport";
import EmailChangeEmail, { emailChangeText } from "@/lib/email/templates/email-change";
import { EMAIL_CHANGE_PER_USER, hit } from "@/lib/rate-limit";

/**
 * Changing the account's address: a link goes to the new address, and only its owner's click
 * moves the account (and the email channel with it). The token is stored as a hash.
 */
const TTL_MS = 24 * 3600_000;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestEmailChange(userId: string, rawEmail: string): Promise<{ newEmail: string }> {
  const parsed = z.email().max(254).safeParse(rawEmail.trim().toLowerCase());
  if (!parsed.success) throw new InvalidInputError("Enter an email address, like name@example.com.", "email");
  const newEmail = parsed.data;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user?.email) throw new NotFoundError("no such user");
  if (user.email === newEmail) throw new InvalidInputError("That is already your address.", "email");
  const allowed = await hit(EMAIL_CHANGE_PER_USER, userId);
  if (!allowed.ok)
    throw new RateLimitedError("Too many address changes in the last hour. Try again later.", allowed.resetAt);

  const token = randomBytes(32).toString("hex");
  await db.$transaction([
    // One pending change at a time: a new request replaces the old link.
    db.emailChange.deleteMany({ where: { userId } }),
    db.emailChange.create({
      data: { userId, newEmail, tokenHash: hashOf(token), expires: new Date(Date.now() + TTL_MS) },
    }),
  ]);
  const url = `${appUrl()}/email-change/confirm?${new URLSearchParams({ token })}`;
  const props = { url, oldEmail: user.email, newEmail };
  const result = await emailTransport().send(
    [
      {
        to: newEmail,
        subject: "Confirm your new email address",
        html: await render(<EmailChangeEmail {...props} />),
        text: emailChangeText(props),
      },
    ],
    { idempotencyKey: `email-change:${hashOf(token).slice(0, 32)}` },
  );
  if (!result.ok) throw new Error(`the confirmation email could not be sent (${result.code}): ${result.message}`);
  return { newEmail };
}

export type EmailChangeLookup = { state: "valid"; newEmail: string } | { state: "expired" | "unknown" };

/** For the confirm page: read only, nothing changes on a GET. */
export async function inspectEmailChange(token: string | undefined): Promise<EmailChangeLookup> {
  if (!token || !/^[0-9a-f]{64}$/.test(token)) return { state: "unknown" };
  const row = await db.emailChange.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row) return { state: "unknown" };
  return row.expires.getTime() < Date.now() ? { state: "expired" } : { state: "valid", newEmail: row.newEmail };
}

export type EmailChangeOutcome =
  { ok: true; newEmail: string } | { ok: false; reason: "expired" | "unknown" | "taken" };

export async function confirmEmailChange(token: string): Promise<EmailChangeOutcome> {
  if (!/^[0-9a-f]{64}$/.test(token)) return { ok: false, reason: "unknown" };
  return db.$transaction(async (tx) => {
    const change = await tx.emailChange.findUnique({ where: { tokenHash: hashOf(token) } });
    if (!change) return { ok: false, reason: "unknown" } as const;
    await tx.emailChange.delete({ where: { id: change.id } });
    if (change.expires.getTime() < Date.now()) return { ok: false, reason: "expired" } as const;
    const taken = await tx.user.findUnique({ where: { email: change.newEmail }, select: { id: true } });
    if (taken) return { ok: false, reason: "taken" } as const;
    const user = await tx.user.findUniqueOrThrow({ where: { id: change.userId }, select: { email: true } });
    const now = new Date();
    await tx.user.update({ where: { id: change.userId }, data: { email: change.newEmail, emailVerified: now } });
    // The account's email channel follows the address, and starts afresh (a bounce on the old one
    // says nothing about the new one).
    const fresh = {
      target: change.newEmail,
      verifiedAt: now,
      disabledAt: null,
      disabledReason: null,
      consecutiveFailures: 0,
    };
    await tx.notificationChannel.deleteMany({
      where: { userId: change.userId, type: "email", target: change.newEmail },
    });
    const moved = await tx.notificationChannel.updateMany({
      where: { userId: change.userId, type: "email", target: user.email ?? "" },
      data: fresh,
    });
    if (!moved.count) await tx.notificationChannel.create({ data: { userId: change.userId, type: "email", ...fresh } });
    // Sign-in links still on their way to the old address stop working.
    if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    return { ok: true, newEmail: change.newEmail } as const;
  });
}
