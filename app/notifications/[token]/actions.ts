"use server";

import { redirect } from "next/navigation";
import { preferencesInput, preferencesUser, savePreferences, stopVendorEmail } from "@/lib/notify/preferences";

/**
 * The preferences page's two forms. The token from the emailed link is the only authority (no
 * sign-in): each action checks it again and touches nothing but that user's settings.
 */
export async function savePreferencesAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const userId = await preferencesUser(token);
  if (!userId) redirect("/");
  const input = preferencesInput.safeParse({
    instant: form.get("instant") === "on",
    digest: form.get("digest"),
    emailOn: form.getAll("emailOn").map(String),
  });
  if (!input.success) redirect(`/notifications/${encodeURIComponent(token)}?error=invalid`);
  await savePreferences(userId, input.data);
  redirect(`/notifications/${encodeURIComponent(token)}?saved=1`);
}

export async function stopVendorAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const userId = await preferencesUser(token);
  if (!userId) redirect("/");
  const vendor = await stopVendorEmail(userId, String(form.get("subscriptionId") ?? ""));
  redirect(
    `/notifications/${encodeURIComponent(token)}?${vendor ? `stopped=${encodeURIComponent(vendor)}` : "error=gone"}`,
  );
}
