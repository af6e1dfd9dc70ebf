import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReliability } from "@/lib/data/reliability";
import { loadVendorDetail } from "@/lib/data/vendor-detail";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { stagePayloads } from "@/test/support/statuspage-script";

/** History states the period we watched: nothing before the first poll, and only that since. */
const db = connectTestDatabase();
const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startFixtureServer();
  const p = stagePayloads({});
  srv.set("/watched/api/v2/summary.json", { body: p.summary });
  srv.set("/watched/api/v2/incidents.json", { body: p.incidents });
  srv.set("/watched/api/v2/scheduled-maintenances.json", { body: p.maintenances });
});
afterAll(() => srv.close());

async function poll(vendorId: string) {
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: pollableVendorSelect });
  const heartbeats = new HeartbeatBuffer();
  const result = await pollVendor(vendor, heartbeats, { fetcher });
  await heartbeats.flush();
  return result;
}

describe("the watched period", () => {
  it("a vendor never read has no figures, not zeros", async () => {
    const v = await createVendor();
    const stats = await loadReliability(v.slug);
    expect(stats).toMatchObject({ watchedSince: null, incidents: null, incidentsPerMonth: null });
    const detail = await loadVendorDetail(v.slug);
    expect(detail?.watchedSince).toBeNull();
    expect(detail?.components).toEqual([]);
  });

  it("starts at the first successful poll and stays there", async () => {
    const v = await createVendor({ statusPageUrl: `${srv.url}/watched` });
    expect((await poll(v.id)).outcome).toBe("changed");
    const first = await db.vendor.findUniqueOrThrow({ where: { id: v.id } });
    expect(first.firstSuccessAt).not.toBeNull();
    expect(first.firstSuccessAt).toEqual(first.lastSuccessAt);

    expect((await poll(v.id)).outcome).toBe("unchanged");
    const again = await db.vendor.findUniqueOrThrow({ where: { id: v.id } });
    expect(again.firstSuccessAt).toEqual(first.firstSuccessAt);

    const detail = await loadVendorDetail(v.slug);
    expect(detail?.watchedSince).toBe(first.firstSuccessAt?.toISOString());
    // Every component has been observed since the baseline, not for 90 days.
    expect(detail?.components.length).toBeGreaterThan(0);
    for (const c of detail?.components ?? []) {
      expect(c.uptimeSince).toBe(first.firstSuccessAt?.toISOString());
      expect(c.uptime90d).toBe(1);
    }
    const stats = await loadReliability(v.slug);
    expect(stats?.watchedSince).toBe(first.firstSuccessAt?.toISOString());
    expect(stats?.observedDays).toBeLessThan(1);
    expect(stats?.incidentsPerMonth).toBeNull();
  });
});
