"use server";

import { z } from "zod";
import { confirmEmailChange, type EmailChangeOutcome } from "@/lib/data/email-change";

/** The token alone authorises the change: it proves the new mailbox, and it was issued to the account. */
export async function confirmEmailChangeAction(input: { token: string }): Promise<EmailChangeOutcome> {
  const parsed = z.object({ token: z.string().regex(/^[0-9a-f]{64}$/) }).safeParse(input);
  if (!parsed.success) return { ok: false, reason: "unknown" };
  return confirmEmailChange(parsed.data.token);
}
