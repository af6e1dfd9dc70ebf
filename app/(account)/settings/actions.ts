"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { deleteAccount } from "@/lib/data/account";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { resetCalendar } from "@/lib/data/calendar";
import { requestEmailChange } from "@/lib/data/email-change";
import { adoptDetectedTimeZone, preferencesPatch, updatePreferences } from "@/lib/data/preferences";

/** Settings actions: each resolves the session itself and changes only that user's rows. */

export const changeEmail = authedAction(z.object({ email: z.string().max(320) }), (user, { email }) =>
  requestEmailChange(user.id, email),
);

export const savePreferences = authedAction(preferencesPatch, async (user, patch) => {
  await updatePreferences(user.id, patch);
  refresh();
  return null;
});

/** From the browser, once, while the user never chose a zone. */
export const detectTimeZone = authedAction(z.object({ timeZone: z.string().max(100) }), async (user, { timeZone }) => {
  const adopted = await adoptDetectedTimeZone(user.id, timeZone);
  if (adopted) refresh();
  return adopted;
});

export const resetCalendarAddress = authedAction(z.object({}), async (user) => resetCalendar(user.id));

export const newApiToken = authedAction(z.object({ name: z.string().max(200) }), async (user, { name }) => {
  const token = await createApiToken(user.id, name);
  refresh();
  return token;
});

export const revokeToken = authedAction(z.object({ id: z.string().min(1).max(100) }), async (user, { id }) => {
  await revokeApiToken(user.id, id);
  refresh();
  return null;
});

const deletion = z.object({ confirmEmail: z.string().max(320) });

/** Deletes everything of the user, then the session cookie, and says goodbye. */
export async function deleteMyAccount(input: z.input<typeof deletion>) {
  const result = await authedAction(deletion, (user, { confirmEmail }) => deleteAccount(user.id, confirmEmail))(input);
  if (!result.ok) return result;
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/account-deleted");
}
