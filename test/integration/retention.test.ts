import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pruneHistory } from "@/lib/monitor/prune";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";

const db = connectTestDatabase();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe("retention", () => {
  it("drops what is older than each setting, keeps history and unfinished work", async () => {
    const vendor = await createVendor();
    const tag = randomUUID().slice(0, 8);
    const user = await db.user.create({ data: { email: `retention-${tag}@example.test` } });
    const channel = await db.notificationChannel.create({
      data: { userId: user.id, type: "email", target: user.email as string },
    });
    const incident = (id: string, days: number) =>
      db.incident.create({
        data: {
          vendorId: vendor.id,
          providerId: id,
          title: id,
          status: "resolved",
          impact: "minor",
          startedAt: ago(days),
          updatedAt: ago(days),
          snapshot: { raw: id },
        },
      });
    await incident("old", 12);
    await incident("recent", 3);
    for (const days of [9, 1])
      await db.pollRun.create({
        data: { vendorId: vendor.id, startedAt: ago(days), durationMs: 120, outcome: "unchanged" },
      });
    const delivery = async (status: "delivered" | "failed" | "pending", days: number) => {
      const d = await db.notificationDelivery.create({
        data: {
          key: `${tag}-${status}-${days}`,
          kind: "alert",
          userId: user.id,
          channelId: channel.id,
          status,
          payload: {},
        },
      });
      await db.deliveryAttempt.create({
        data: { deliveryId: d.id, channelId: channel.id, durationMs: 5, at: ago(days) },
      });
      await db.$executeRaw`UPDATE "NotificationDelivery" SET "updatedAt" = ${ago(days)} WHERE id = ${d.id}`;
    };
    await delivery("delivered", 40);
    await delivery("failed", 40);
    await delivery("pending", 40);
    await delivery("delivered", 5);
    for (const [status, days] of [
      ["sent", 40],
      ["pending", 40],
      ["sent", 5],
    ] as const)
      await db.notificationOutbox.create({
        data: {
          idempotencyKey: `${tag}-${status}-${days}`,
          event: "vendor/incident.created",
          vendorId: vendor.id,
          payload: {},
          status,
          createdAt: ago(days),
        },
      });

    const result = await pruneHistory(new Date(), { snapshotDays: 10, pollHistoryDays: 7, deliveryDays: 30 });
    expect(result.incidentSnapshotsPruned).toBeGreaterThanOrEqual(1);

    const incidents = await db.incident.findMany({ where: { vendorId: vendor.id }, orderBy: { providerId: "asc" } });
    expect(incidents.map((i) => [i.providerId, i.snapshot])).toEqual([
      ["old", null],
      ["recent", { raw: "recent" }],
    ]);
    const runs = await db.pollRun.findMany({ where: { vendorId: vendor.id } });
    expect(runs).toHaveLength(1);
    const deliveries = await db.notificationDelivery.findMany({ where: { userId: user.id }, orderBy: { key: "asc" } });
    expect(deliveries.map((d) => d.key)).toEqual([`${tag}-delivered-5`, `${tag}-pending-40`]);
    expect(await db.deliveryAttempt.count({ where: { channelId: channel.id } })).toBe(2);
    const outbox = await db.notificationOutbox.findMany({
      where: { vendorId: vendor.id },
      orderBy: { idempotencyKey: "asc" },
    });
    expect(outbox.map((o) => o.idempotencyKey)).toEqual([`${tag}-pending-40`, `${tag}-sent-5`]);
  });

  it("ages poll history out across many batches", async () => {
    const vendor = await createVendor();
    // More than two batches of runs past retention (a batch is 5,000), and the recent ones kept.
    await db.$executeRawUnsafe(
      `INSERT INTO "PollRun" (id, "vendorId", "startedAt", "durationMs", outcome)
       SELECT $1 || g, $2, $3::timestamptz AT TIME ZONE 'UTC' - g * interval '3 milliseconds', 40, 'not_modified'
       FROM generate_series(1, 12001) g`,
      `old-${vendor.id}-`,
      vendor.id,
      ago(8),
    );
    for (const days of [6, 0])
      await db.pollRun.create({
        data: { vendorId: vendor.id, startedAt: ago(days), durationMs: 80, outcome: "unchanged" },
      });
    const result = await pruneHistory(new Date(), { snapshotDays: 10, pollHistoryDays: 7, deliveryDays: 30 });
    expect(result.pollRunsDeleted).toBeGreaterThanOrEqual(12001);
    const kept = await db.pollRun.findMany({ where: { vendorId: vendor.id }, select: { startedAt: true } });
    expect(kept.map((r) => Math.round((Date.now() - r.startedAt.getTime()) / DAY)).sort()).toEqual([0, 6]);
  });
});
