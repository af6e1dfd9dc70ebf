import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dayLabel } from "@/components/status/uptime-encoding";
import { loadVendorDetail, loadVendorStrips } from "@/lib/data/vendor-detail";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, fixture, startFixtureServer } from "@/test/fixture-server";
import { seedHistory } from "@/test/support/component-history";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";

/**
 * Cloudflare's recorded page (467 components) with 90 days of history: what the vendor page and
 * the API cache for it. Next refuses data-cache items over 2 MB, and a refused item means every
 * render queries the database again, so each part must stay well under that.
 */
const db = connectTestDatabase();
const NEXT_ITEM_LIMIT = 2 * 1024 * 1024;
const DAY = 86_400_000;
let srv: FixtureServer;
let slug: string;

beforeAll(async () => {
  srv = await startFixtureServer();
  srv.set("/cloudflare/api/v2/summary.json", {
    body: fixture("statuspage/cloudflare-summary-minor-with-maintenances-2026-04.json"),
  });
  const v = await createVendor({ statusPageUrl: `${srv.url}/cloudflare` });
  slug = v.slug;
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: v.id }, select: pollableVendorSelect });
  const heartbeats = new HeartbeatBuffer();
  const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
  expect((await pollVendor(vendor, heartbeats, { fetcher })).outcome).toBe("changed");
  await heartbeats.flush();
  await seedHistory(inject("databaseUrl"), slug);
});
afterAll(() => srv.close());

describe("a large vendor's cached parts", () => {
  it("detail and strips each stay under a quarter of Next's item limit", async () => {
    const [detail, strips] = await Promise.all([loadVendorDetail(slug), loadVendorStrips(slug)]);
    expect(detail?.components).toHaveLength(467);
    expect(Object.keys(strips ?? {})).toHaveLength(467);
    expect(Buffer.byteLength(JSON.stringify(detail))).toBeLessThan(NEXT_ITEM_LIMIT / 4);
    expect(Buffer.byteLength(JSON.stringify(strips))).toBeLessThan(NEXT_ITEM_LIMIT / 4);
  });

  it("a compact strip still says each bad day in words", async () => {
    const now = new Date();
    const outage = await db.componentStatusInterval.findFirstOrThrow({
      where: { status: "major_outage", component: { vendor: { slug } } },
      include: { component: { select: { providerId: true } } },
      orderBy: { startedAt: "desc" },
    });
    const strips = await loadVendorStrips(slug, now);
    const strip = strips?.[outage.component.providerId];
    if (!strip) throw new Error("no strip for the component");
    expect(strip.statuses).toHaveLength(90);
    expect(strip.statuses).not.toContain("-");
    const todayStart = Math.floor(now.getTime() / DAY) * DAY;
    const day = 89 - Math.floor((todayStart - Math.floor(outage.startedAt.getTime() / DAY) * DAY) / DAY);
    expect(dayLabel(strip, day)).toMatch(
      new RegExp(`^${outage.startedAt.toISOString().slice(0, 10)}: \\d+(\\.\\d+)?% uptime, major outage$`),
    );
    expect(dayLabel(strip, day)).not.toContain("100% uptime");
  });
});
