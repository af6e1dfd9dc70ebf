import { randomBytes } from "node:crypto";
import { appUrl } from "@/env";
import { db } from "@/lib/db";
import { buildCalendar, maintenanceEvents } from "@/lib/feeds/ical";

/**
 * "My maintenance calendar": one secret-URL iCalendar feed of the upcoming maintenances of the
 * user's vendors (and, where they chose some, of those components). Resetting it replaces the
 * secret, so an address that leaked stops working.
 */
const newToken = () => randomBytes(24).toString("base64url");
export const calendarPath = (token: string) => `/calendar/${token}.ics`;

export async function calendarUrl(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { calendarToken: true } });
  let token = user?.calendarToken;
  if (!token) {
    token = newToken();
    const { count } = await db.user.updateMany({
      where: { id: userId, calendarToken: null },
      data: { calendarToken: token },
    });
    // Two tabs at once: keep whichever secret was stored first.
    if (!count)
      token = (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } }))
        .calendarToken;
  }
  return `${appUrl()}${calendarPath(token ?? "")}`;
}

export async function resetCalendar(userId: string): Promise<string> {
  await db.user.update({ where: { id: userId }, data: { calendarToken: newToken() } });
  return calendarUrl(userId);
}

/** The feed behind a secret, or null when no user has it. */
export async function personalCalendar(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await db.user.findUnique({
    where: { calendarToken: token },
    select: {
      subscriptions: {
        where: { maintenances: true },
        select: {
          componentFilter: true,
          components: { select: { componentId: true } },
          vendor: { select: { id: true, slug: true, name: true, statusPageUrl: true } },
        },
      },
    },
  });
  if (!user) return null;
  const maintenances = await db.maintenance.findMany({
    where: {
      vendorId: { in: user.subscriptions.map((s) => s.vendor.id) },
      status: { not: "completed" },
      OR: [{ scheduledUntil: { gte: now } }, { scheduledUntil: null, scheduledFor: { gte: now } }],
    },
    orderBy: { scheduledFor: "asc" },
    select: {
      vendorId: true,
      providerId: true,
      title: true,
      status: true,
      scheduledFor: true,
      scheduledUntil: true,
      components: { select: { componentId: true } },
    },
  });
  const events = user.subscriptions.flatMap((sub) => {
    const chosen = new Set(sub.components.map((c) => c.componentId));
    const mine = maintenances.filter(
      (m) =>
        m.vendorId === sub.vendor.id &&
        // A maintenance naming no components may touch any of them.
        (!sub.componentFilter || !m.components.length || m.components.some((c) => chosen.has(c.componentId))),
    );
    return maintenanceEvents({
      vendor: sub.vendor,
      maintenances: mine.map((m) => ({
        id: m.providerId,
        title: m.title,
        status: m.status,
        scheduledFor: m.scheduledFor?.toISOString() ?? null,
        scheduledUntil: m.scheduledUntil?.toISOString() ?? null,
      })),
      baseUrl: appUrl(),
      now,
    });
  });
  return buildCalendar("My vendors' maintenance (Vendorwatch)", events);
}
