import { env } from "@/env";
import { db } from "@/lib/db";
import type { RenderedEmail } from "@/lib/notify/render-email";

/**
 * The local outbox, readable in the browser at /dev/emails while developing. Never in production:
 * it holds other people's sign-in links.
 */
export const devEmailsEnabled = () => env.NODE_ENV !== "production";

export interface LocalEmailSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: Date;
}

export function listLocalEmails(limit = 100): Promise<LocalEmailSummary[]> {
  return db.localEmail.findMany({
    select: { id: true, to: true, subject: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export interface LocalEmailDetail extends LocalEmailSummary, RenderedEmail {
  from: string;
  headers: Record<string, string>;
}

export async function localEmail(id: string): Promise<LocalEmailDetail | null> {
  const row = await db.localEmail.findUnique({ where: { id } });
  if (!row) return null;
  const headers = Object.fromEntries(
    Object.entries((row.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
  return { ...row, headers };
}
