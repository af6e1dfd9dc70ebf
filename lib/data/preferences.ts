import { z } from "zod";
import { db } from "@/lib/db";
import { InvalidInputError } from "@/lib/data/errors";

/**
 * How and when a user hears from us: time zone, instant alerts, digests, quiet hours. Stored in
 * NotificationPreference (read by notifications); times are local to `timeZone`.
 */
export const DIGESTS = ["off", "daily", "weekly"] as const;

/** Any zone the runtime knows, aliases too (browsers say "Asia/Kathmandu", ICU lists "Asia/Katmandu"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a user picks from, with their current one even when it is an alias. */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC", current]);
  return [...zones].sort();
}

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 - 1);

export const preferencesPatch = z
  .object({
    timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
    instant: z.boolean(),
    digest: z.enum(DIGESTS),
    digestHour: z.number().int().min(0).max(23),
    digestWeekday: z.number().int().min(0).max(6),
    digestWhenEmpty: z.boolean(),
    quietHours: z.boolean(),
    quietStart: minutes,
    quietEnd: minutes,
    quietAllowsCritical: z.boolean(),
  })
  .partial();
export type PreferencesPatch = z.infer<typeof preferencesPatch>;

export async function getPreferences(userId: string) {
  // Every user gets a row at sign-up; this also repairs one that is missing.
  return db.notificationPreference.upsert({ where: { userId }, update: {}, create: { userId } });
}

export async function updatePreferences(userId: string, patch: PreferencesPatch): Promise<void> {
  const parsed = preferencesPatch.safeParse(patch);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid settings.");
  const data = parsed.data;
  if (data.quietHours && data.quietStart !== undefined && data.quietStart === data.quietEnd)
    throw new InvalidInputError("Quiet hours must start and end at different times.", "quietEnd");
  const stamp = data.timeZone !== undefined ? { timeZoneSetAt: new Date() } : {};
  await db.notificationPreference.upsert({
    where: { userId },
    update: { ...data, ...stamp },
    create: { userId, ...data, ...stamp },
  });
}

/** The browser's zone, taken once while the user has never chosen one (it stays editable). */
export async function adoptDetectedTimeZone(userId: string, zone: string): Promise<boolean> {
  if (!isTimeZone(zone)) return false;
  await getPreferences(userId);
  const { count } = await db.notificationPreference.updateMany({
    where: { userId, timeZoneSetAt: null },
    data: { timeZone: zone, timeZoneSetAt: new Date() },
  });
  return count > 0;
}
