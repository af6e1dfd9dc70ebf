import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** A user of the test's own, with what the sign-up creates (preferences, the email channel). */
export async function createUser(overrides: { email?: string; plan?: string } = {}) {
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  return db.user.create({
    data: {
      email,
      plan: overrides.plan ?? "free",
      emailVerified: new Date(),
      preferences: { create: {} },
      channels: { create: { type: "email", target: email, verifiedAt: new Date() } },
    },
  });
}

/** A database session for the user, as Auth.js would create it; returns the cookie value. */
export async function createSession(userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 30 * 86_400_000) } });
  return sessionToken;
}
