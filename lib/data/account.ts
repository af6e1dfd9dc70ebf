import { db } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/data/errors";
import { listMySubscriptions } from "@/lib/data/my-subscriptions";

/** "Upgrade" to Pro while payments do not exist: note the wish, once. */
export async function joinWaitlist(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, waitlistedAt: null }, data: { waitlistedAt: new Date() } });
}

/**
 * "Export my data": everything we keep about the user, as JSON. Secrets stay out (token hashes,
 * webhook signing secrets, session tokens): they are credentials, not data about the person.
 */
export async function exportAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      preferences: true,
      channels: { orderBy: { createdAt: "asc" } },
      apiTokens: { orderBy: { createdAt: "asc" } },
      accounts: { select: { provider: true, createdAt: true } },
      sessions: { select: { expires: true, createdAt: true } },
      digestRuns: { orderBy: { createdAt: "desc" }, take: 500 },
      deliveries: { orderBy: { createdAt: "desc" }, take: 1000, include: { channel: { select: { type: true } } } },
    },
  });
  if (!user) throw new NotFoundError("no such user");
  const { userId: _u, ...preferences } = user.preferences ?? { userId };
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified,
      plan: user.plan,
      waitlistedAt: user.waitlistedAt,
      createdAt: user.createdAt,
      signInProviders: ["email", ...user.accounts.map((a) => a.provider)],
      activeSessions: user.sessions.length,
    },
    preferences,
    subscriptions: await listMySubscriptions(userId),
    channels: user.channels.map((c) => ({
      type: c.type,
      name: c.name,
      target: c.target,
      enabled: c.enabled,
      verifiedAt: c.verifiedAt,
      disabledAt: c.disabledAt,
      disabledReason: c.disabledReason,
      createdAt: c.createdAt,
    })),
    apiTokens: user.apiTokens.map((t) => ({
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    })),
    maintenanceCalendar: user.calendarToken ? "enabled (its secret address is not exported)" : "not created",
    deliveries: user.deliveries.map((d) => ({
      kind: d.kind,
      channel: d.channel.type,
      status: d.status,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
    })),
    digests: user.digestRuns.map((r) => ({ period: r.period, outcome: r.outcome, createdAt: r.createdAt })),
  };
}

/**
 * Deletes the account and everything of it: the user row cascades to sessions, OAuth accounts,
 * subscriptions, preferences, channels, deliveries, digests, tokens and pending email changes;
 * what is keyed by the address instead (sign-in links, locally kept emails, rate-limit counters)
 * goes in the same transaction. Confirmed by typing the account's address.
 */
export async function deleteAccount(userId: string, typedEmail: string): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user?.email) throw new NotFoundError("no such user");
  if (typedEmail.trim().toLowerCase() !== user.email.toLowerCase())
    throw new InvalidInputError("That is not your account's email address.", "confirmEmail");
  const email = user.email;
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: email } }),
    db.localEmail.deleteMany({ where: { to: email } }),
    db.rateLimit.deleteMany({
      where: { OR: [{ key: { endsWith: `:${email}` } }, { key: { endsWith: `:${userId}` } }] },
    }),
    db.user.delete({ where: { id: userId } }),
  ]);
  return { email };
}
