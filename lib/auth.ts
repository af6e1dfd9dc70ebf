import "server-only";
import NextAuth from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { appUrl } from "@/env";
import { authConfig } from "@/lib/auth/config";

/**
 * Auth.js (next-auth v5): email links and optional OAuth, database sessions. Pages, server
 * actions and route handlers call `auth()` (or `currentUser()` / `requireUser()`) themselves;
 * proxy.ts only redirects visitors without a session cookie and is no security boundary.
 */

// Auth.js builds its own URLs from AUTH_URL when set, else from the request's Host header. Ours is
// always APP_URL (or http://localhost:$PORT), the same origin every emailed link uses.
process.env.AUTH_URL = appUrl();

const nextAuth = NextAuth((request) => authConfig(request));

export const { handlers, signIn, signOut } = nextAuth;

/** The session of this request, looked up once per render (React `cache`). */
export const auth = cache(() => nextAuth.auth());

export interface SessionUser {
  id: string;
  email: string;
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user as { id?: unknown; email?: unknown } | undefined;
  if (typeof user?.id !== "string" || typeof user.email !== "string") return null;
  return { id: user.id, email: user.email };
});

/** For pages of the account area: the user, or off to /login and back here afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?${new URLSearchParams({ redirectTo: returnTo })}`);
  return user;
}
