import "server-only";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { type SessionUser, currentUser } from "@/lib/auth";

/**
 * The one admin check: the operator console (/admin) and its actions are for the addresses in
 * ADMIN_EMAILS (comma-separated, compared case-insensitively). Anyone else, signed in or not,
 * gets a 404, so the console's existence is not advertised.
 */
export function adminEmails(): ReadonlySet<string> {
  return new Set(
    (env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function isAdminEmail(email: string | null | undefined): boolean {
  return Boolean(email) && adminEmails().has((email as string).toLowerCase());
}

/** For pages, route handlers and server actions of the console: the admin, or a 404. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || !isAdminEmail(user.email)) notFound();
  return user;
}
