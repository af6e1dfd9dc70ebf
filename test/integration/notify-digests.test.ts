import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { DigestMessage } from "@/lib/notify/message";
import { updateTime } from "@/test/support/github-incident-script";
import { type Harness, startHarness } from "@/test/support/notify-harness";
import { createUser, subscribe } from "@/test/support/notify-factories";

/**
 * Digests against the real path: GitHub's recorded incident of 16 September 2024 (21:31 to 22:08
 * UTC) is polled by the monitor, then the clock moves to each user's digest time in their own
 * zone and the sweep runs (twice, to prove once).
 */
let h: Harness;
let vendorId: string;
const SETTINGS_SAVED = new Date("2024-01-01T00:00:00Z");
let night: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  h = await startHarness();
  const vendor = await h.vendor("github");
  vendorId = vendor.id;
  vendor.serve({ updates: 0 });
  h.now.value = new Date(updateTime(1).getTime() - 60_000);
  await vendor.poll();
  // Asleep during the incident: its alerts are held by quiet hours (21:00 to 07:00 UTC).
  night = await digestUser("night", {
    digest: "daily",
    digestHour: 6,
    timeZone: "UTC",
    quietHours: true,
    quietStart: 21 * 60,
    quietEnd: 7 * 60,
  });
  for (let n = 1; n <= 6; n++) {
    h.now.value = updateTime(n);
    vendor.serve({ updates: n });
    await vendor.poll();
    await h.drain();
  }
  await db.notificationOutbox.updateMany({ data: { status: "skipped" } }); // this file is about digests
});
afterAll(() => h?.close());

async function digestUser(name: string, prefs: Record<string, unknown>, follow = true) {
  const user = await createUser({ email: `${name}@example.com`, prefs: { updatedAt: SETTINGS_SAVED, ...prefs } });
  if (follow) await subscribe(user.id, vendorId);
  return user;
}

async function sweepAt(iso: string) {
  h.now.value = new Date(iso);
  await h.drain();
  await h.drain();
}

const digestsOf = (email: string) => h.resend.to(email).filter((e) => e.subject.startsWith("Your "));
async function runs(userId: string) {
  return db.digestRun.findMany({ where: { userId }, orderBy: { periodEnd: "asc" } });
}
async function lastDigest(userId: string): Promise<DigestMessage> {
  const m = await db.notificationMessage.findFirstOrThrow({
    where: { kind: "digest", key: { startsWith: `digest:${userId}:` } },
    orderBy: { createdAt: "desc" },
  });
  return m.payload as unknown as DigestMessage;
}

describe("digests", () => {
  it("alerts held by quiet hours are folded into the digest instead of following it", async () => {
    const held = await db.notificationDelivery.findMany({
      where: { userId: night.id, kind: "alert" },
      orderBy: { createdAt: "asc" },
    });
    // Actions' major outage is critical, and critical alerts may wake this user: that one went out.
    expect(held.map((d) => d.status)).toEqual(["held", "delivered", "held", "held", "held", "held"]);
    await sweepAt("2024-09-17T06:00:05Z");
    const after = await db.notificationDelivery.findMany({
      where: { userId: night.id, kind: "alert", status: { not: "delivered" } },
    });
    expect(after.map((d) => [d.status, d.lastError])).toEqual(Array(5).fill(["suppressed", "included in the digest"]));
    await sweepAt("2024-09-17T07:00:05Z"); // quiet hours end: nothing left to release
    expect(h.resend.to(night.email as string).map((e) => e.subject)).toEqual([
      "GitHub: Incident with Pages and Actions (major), investigating",
      "Your daily Vendorwatch digest: 1 incident at 1 vendor",
    ]);
  });

  it("daily, east of UTC (Paris, 08:00 CEST): once, with local times and durations", async () => {
    const u = await digestUser("paris", { digest: "daily", digestHour: 8, timeZone: "Europe/Paris" });
    await sweepAt("2024-09-17T05:59:00Z"); // 07:59 local: the digest of the 16th (empty) only
    await sweepAt("2024-09-17T06:00:30Z");
    const mail = digestsOf(u.email as string);
    expect(mail.map((e) => e.subject)).toEqual(["Your daily Vendorwatch digest: 1 incident at 1 vendor"]);
    expect(mail[0]?.text).toContain("Incident with Pages and Actions");
    expect(mail[0]?.text).toContain("16 Sep 2024, 23:31 CEST · resolved after 37 min");
    expect(mail[0]?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect((await runs(u.id)).map((r) => [r.period, r.outcome])).toEqual([
      ["daily:2024-09-16", "empty"],
      ["daily:2024-09-17", "sent"],
    ]);
  });

  it("weekly, west of UTC (New York, Tuesday 09:00 EDT)", async () => {
    const u = await digestUser("newyork", {
      digest: "weekly",
      digestWeekday: 2,
      digestHour: 9,
      timeZone: "America/New_York",
    });
    await sweepAt("2024-09-17T12:59:00Z");
    await sweepAt("2024-09-17T13:00:10Z");
    expect(digestsOf(u.email as string)).toHaveLength(1);
    const d = await lastDigest(u.id);
    expect([d.period, d.periodStart, d.periodEnd]).toEqual([
      "weekly:2024-09-17",
      "2024-09-10T13:00:00.000Z",
      "2024-09-17T13:00:00.000Z",
    ]);
    expect(digestsOf(u.email as string)[0]?.text).toContain("16 Sep 2024, 17:31 EDT");
  });

  it("a half-hour zone (Kolkata, 09:00 IST is 03:30 UTC)", async () => {
    const u = await digestUser("kolkata", { digest: "daily", digestHour: 9, timeZone: "Asia/Kolkata" });
    await sweepAt("2024-09-17T03:29:00Z");
    expect(digestsOf(u.email as string)).toEqual([]);
    await sweepAt("2024-09-17T03:30:05Z");
    expect(digestsOf(u.email as string)[0]?.text).toContain("17 Sep 2024, 03:01 GMT+5:30");
  });

  it("an empty period sends nothing unless the user asked for every digest", async () => {
    const quiet = await digestUser("quiet", { digest: "daily", digestHour: 8, timeZone: "UTC" }, false);
    const always = await digestUser(
      "always",
      { digest: "daily", digestHour: 8, timeZone: "UTC", digestWhenEmpty: true },
      false,
    );
    await sweepAt("2024-09-18T08:00:05Z");
    expect(digestsOf(quiet.email as string)).toEqual([]);
    expect((await runs(quiet.id)).at(-1)?.outcome).toBe("empty");
    expect(digestsOf(always.email as string).map((e) => e.subject)).toEqual([
      "Your daily Vendorwatch digest: Nothing happened at your vendors",
    ]);
  });

  it("across the autumn change (New York, 3 November 2024): one 25-hour period", async () => {
    const u = await digestUser(
      "fallback",
      { digest: "daily", digestHour: 8, timeZone: "America/New_York", digestWhenEmpty: true },
      false,
    );
    await sweepAt("2024-11-02T12:00:05Z");
    await sweepAt("2024-11-03T12:30:00Z"); // 07:30 EST: not yet
    await sweepAt("2024-11-03T13:00:05Z");
    const r = (await runs(u.id)).map((x) => [x.period, x.periodStart.toISOString(), x.periodEnd.toISOString()]);
    expect(r.slice(-2)).toEqual([
      ["daily:2024-11-02", "2024-11-01T12:00:00.000Z", "2024-11-02T12:00:00.000Z"],
      ["daily:2024-11-03", "2024-11-02T12:00:00.000Z", "2024-11-03T13:00:00.000Z"],
    ]);
  });

  it("across the spring change (London at 01:00, an hour that does not exist on 31 March 2024)", async () => {
    const u = await digestUser(
      "spring",
      { digest: "daily", digestHour: 1, timeZone: "Europe/London", digestWhenEmpty: true },
      false,
    );
    await sweepAt("2024-03-30T01:00:05Z");
    await sweepAt("2024-03-31T00:59:00Z"); // 00:59 GMT: not yet
    await sweepAt("2024-03-31T01:00:05Z"); // the clocks jumped to 02:00 BST: due
    const r = (await runs(u.id)).map((x) => [x.period, x.periodStart.toISOString(), x.periodEnd.toISOString()]);
    expect(r.slice(-2)).toEqual([
      ["daily:2024-03-30", "2024-03-29T01:00:00.000Z", "2024-03-30T01:00:00.000Z"],
      ["daily:2024-03-31", "2024-03-30T01:00:00.000Z", "2024-03-31T01:00:00.000Z"],
    ]);
    expect(digestsOf(u.email as string)).toHaveLength(2);
  });

  it("after downtime, one catch-up digest covers the missed days, and nothing is sent twice", async () => {
    const u = await digestUser("downtime", { digest: "daily", digestHour: 7, timeZone: "UTC" });
    await sweepAt("2024-09-15T07:00:05Z"); // sent before the incident: empty
    // Down from the 15th to the 19th at noon: the digests of the 16th, 17th and 18th never ran.
    await sweepAt("2024-09-19T12:00:00Z");
    await sweepAt("2024-09-19T12:05:00Z");
    const r = await runs(u.id);
    expect(r.map((x) => [x.period, x.outcome])).toEqual([
      ["daily:2024-09-15", "empty"],
      ["daily:2024-09-19", "sent"],
    ]);
    expect(r[1]?.periodStart.toISOString()).toBe("2024-09-15T07:00:00.000Z");
    const mail = digestsOf(u.email as string);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain("Incident with Pages and Actions");
  });
});
