import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteAccount, exportAccount } from "@/lib/data/account";
import { createApiToken, listApiTokens, revokeApiToken, userForToken } from "@/lib/data/api-tokens";
import { calendarUrl, personalCalendar, resetCalendar } from "@/lib/data/calendar";
import { confirmEmailChange, inspectEmailChange, requestEmailChange } from "@/lib/data/email-change";
import { InvalidInputError, NotFoundError } from "@/lib/data/errors";
import { adoptDetectedTimeZone, getPreferences, updatePreferences } from "@/lib/data/preferences";
import { followVendor, unfollowVendor, updateSubscription } from "@/lib/data/subscriptions";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { createSession, createUser } from "@/test/support/users";

const db = connectTestDatabase();

async function vendorWithMaintenance() {
  const vendor = await createVendor({ name: `Cal ${randomUUID().slice(0, 6)}` });
  const [api, web] = await Promise.all(
    ["api", "web"].map((id) =>
      db.component.create({ data: { vendorId: vendor.id, providerId: id, name: id.toUpperCase() } }),
    ),
  );
  const soon = new Date(Date.now() + 86_400_000);
  const later = new Date(Date.now() + 2 * 86_400_000);
  await db.maintenance.create({
    data: {
      vendorId: vendor.id,
      providerId: "m-api",
      title: "API upgrade",
      status: "scheduled",
      scheduledFor: soon,
      scheduledUntil: later,
      components: { create: [{ componentId: api!.id }] },
    },
  });
  await db.maintenance.create({
    data: {
      vendorId: vendor.id,
      providerId: "m-web",
      title: "Website move",
      status: "scheduled",
      scheduledFor: soon,
      scheduledUntil: later,
      components: { create: [{ componentId: web!.id }] },
    },
  });
  return vendor;
}

const linkToken = async (email: string) => {
  const mail = await db.localEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return /token=([0-9a-f]{64})/.exec(mail.text)?.[1] ?? "";
};

describe("one user cannot touch another's things", () => {
  it("subscriptions: updating or removing another's follow is 'not found', theirs stays", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const vendor = await createVendor();
    await followVendor(a.id, vendor.slug);
    await expect(updateSubscription(b.id, vendor.slug, { minimumImpact: "critical" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(unfollowVendor(b.id, vendor.slug)).rejects.toBeInstanceOf(NotFoundError);
    const sub = await db.subscription.findFirstOrThrow({ where: { userId: a.id } });
    expect(sub.minimumImpact).toBe("none");
  });

  it("tokens: another user's token id cannot be revoked or listed", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const token = await createApiToken(a.id, "a's script");
    await expect(revokeApiToken(b.id, token.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listApiTokens(b.id)).toEqual([]);
    expect(await userForToken(token.token)).toMatchObject({ id: a.id });
  });

  it("settings and export are per user; deleting needs one's own address", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await updatePreferences(a.id, { digest: "weekly", timeZone: "Europe/Berlin" });
    expect((await getPreferences(b.id)).digest).toBe("off");
    const exported = JSON.stringify(await exportAccount(b.id));
    expect(exported).not.toContain(a.email ?? "?");
    await expect(deleteAccount(b.id, a.email ?? "")).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
  });

  it("calendars: each secret shows its owner's vendors and chosen components only", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const vendor = await vendorWithMaintenance();
    await followVendor(a.id, vendor.slug, { components: ["api"] });
    const aFeed = await personalCalendar(
      new URL(await calendarUrl(a.id)).pathname.split("/").pop()!.replace(".ics", ""),
    );
    expect(aFeed).toContain("API upgrade");
    expect(aFeed).not.toContain("Website move");
    const bFeed = await personalCalendar(
      new URL(await calendarUrl(b.id)).pathname.split("/").pop()!.replace(".ics", ""),
    );
    expect(bFeed).not.toContain("API upgrade");
    expect(await personalCalendar("not-a-real-calendar-secret-123")).toBeNull();
  });
});

describe("settings", () => {
  it("the time zone is validated; the browser's is adopted only until the user chose one", async () => {
    const user = await createUser();
    await expect(updatePreferences(user.id, { timeZone: "Mars/Olympus" })).rejects.toThrow(/time zone/);
    expect(await adoptDetectedTimeZone(user.id, "Asia/Kathmandu")).toBe(true);
    expect((await getPreferences(user.id)).timeZone).toBe("Asia/Kathmandu");
    expect(await adoptDetectedTimeZone(user.id, "America/New_York")).toBe(false);
    await updatePreferences(user.id, { timeZone: "UTC", quietHours: true, quietStart: 1320, quietEnd: 420 });
    expect(await getPreferences(user.id)).toMatchObject({ timeZone: "UTC", quietHours: true, quietStart: 1320 });
  });

  it("an email change is verified by a link and moves the email channel with it", async () => {
    const user = await createUser();
    const newEmail = `moved-${randomUUID().slice(0, 6)}@example.com`;
    await requestEmailChange(user.id, newEmail.toUpperCase());
    const token = await linkToken(newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await inspectEmailChange(token)).toEqual({ state: "valid", newEmail });
    expect(await confirmEmailChange(token)).toEqual({ ok: true, newEmail });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    const channels = await db.notificationChannel.findMany({ where: { userId: user.id, type: "email" } });
    expect(channels.map((c) => c.target)).toEqual([newEmail]);
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "unknown" });
  });

  it("an email change to an address another account has is refused at confirmation", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await requestEmailChange(a.id, b.email ?? "");
    expect(await confirmEmailChange(await linkToken(b.email ?? ""))).toEqual({ ok: false, reason: "taken" });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).email).toBe(a.email);
  });

  it("calendar reset replaces the secret", async () => {
    const user = await createUser();
    const first = await calendarUrl(user.id);
    expect(await calendarUrl(user.id)).toBe(first);
    const second = await resetCalendar(user.id);
    expect(second).not.toBe(first);
    expect(await personalCalendar(first.split("/").pop()!.replace(".ics", ""))).toBeNull();
  });

  it("deleting the account removes everything of it", async () => {
    const user = await createUser();
    const vendor = await createVendor();
    await followVendor(user.id, vendor.slug);
    await createApiToken(user.id, "x");
    await createSession(user.id);
    await requestEmailChange(user.id, `elsewhere-${randomUUID().slice(0, 6)}@example.com`);
    await db.verificationToken.create({ data: { identifier: user.email ?? "", token: "t", expires: new Date() } });
    await deleteAccount(user.id, ` ${user.email?.toUpperCase()} `);
    const left = await Promise.all([
      db.user.count({ where: { id: user.id } }),
      db.subscription.count({ where: { userId: user.id } }),
      db.apiToken.count({ where: { userId: user.id } }),
      db.session.count({ where: { userId: user.id } }),
      db.notificationChannel.count({ where: { userId: user.id } }),
      db.notificationPreference.count({ where: { userId: user.id } }),
      db.emailChange.count({ where: { userId: user.id } }),
      db.verificationToken.count({ where: { identifier: user.email ?? "" } }),
      db.rateLimit.count({ where: { key: { endsWith: `:${user.id}` } } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await db.vendor.count({ where: { id: vendor.id } })).toBe(1);
  });
});
