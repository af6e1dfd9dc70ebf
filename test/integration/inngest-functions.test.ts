import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { stagePayloads } from "@/test/support/statuspage-script";

// The functions use the process-wide fetcher; the fixture server lives on loopback.
vi.hoisted(() => {
  process.env.VENDORWATCH_ALLOW_PRIVATE_NETWORKS = "1";
});

const { pollSweep, SWEEPS_PER_RUN } = await import("@/inngest/functions/poll-sweep");
const { pollVendorFn } = await import("@/inngest/functions/poll-vendor");
const { pruneHistoryFn } = await import("@/inngest/functions/prune-history");
const { inngest } = await import("@/inngest/client");

const db = connectTestDatabase();
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startFixtureServer();
  const p = stagePayloads({});
  srv.set("/fn/api/v2/summary.json", { body: p.summary });
  srv.set("/fn/api/v2/incidents.json", { body: p.incidents });
  srv.set("/fn/api/v2/scheduled-maintenances.json", { body: p.maintenances });
});
afterAll(() => srv.close());

describe("inngest functions", () => {
  it("poll-sweep claims due vendors and fans them out keyed by host", async () => {
    const vendor = await createVendor({ statusPageUrl: `${srv.url}/fn`, nextPollAt: new Date(Date.now() - 1000) });
    // Sending is Inngest's side of the fan-out: mocked, and asserted through the step spy.
    const steps = Array.from({ length: SWEEPS_PER_RUN }, (_, i) => [
      { id: `fan-out-${i}`, handler: () => ({ ids: ["mocked"] }) },
      { id: `wait-${i}`, handler: () => undefined },
    ]).flat();
    const t = new InngestTestEngine({ function: pollSweep, steps });
    const { result, ctx } = await t.execute();
    // Other test files share the database and may add due vendors meanwhile: look for ours.
    const sent = vi
      .mocked(ctx.step.sendEvent)
      .mock.calls.flatMap((call) => call[1] as Array<{ name: string; data: unknown }>);
    expect((result as { fannedOut: number }).fannedOut).toBe(sent.length);
    expect(sent).toContainEqual(
      expect.objectContaining({
        name: "vendor/poll.requested",
        data: { vendorId: vendor.id, host: new URL(srv.url).host },
      }),
    );
    expect(ctx.step.sleep).toHaveBeenCalledTimes(SWEEPS_PER_RUN - 1);
    const claimed = await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(claimed.nextPollAt.getTime()).toBeGreaterThan(Date.now() + 20_000); // not due again for ~30 s
  });

  it("poll-vendor polls one vendor and stores its snapshot", async () => {
    const vendor = await createVendor({ statusPageUrl: `${srv.url}/fn/` });
    // Announcing committed polls is a send to Inngest, which @inngest/test does not model; other
    // test files share the database and may leave polls pending, so a send can happen here.
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] });
    const t = new InngestTestEngine({
      function: pollVendorFn,
      events: [{ name: "vendor/poll.requested", data: { vendorId: vendor.id, host: "x" } }],
    });
    const { result } = await t.execute();
    expect(result).toMatchObject({ polled: 1, changed: 1, failed: 0, outcome: "changed" });
    const stored = await db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, include: { components: true } });
    expect(stored.status).toBe("operational");
    expect(stored.components.length).toBeGreaterThan(5);
    send.mockRestore();
  });

  it("poll-vendor gives up without retrying when the vendor is gone", async () => {
    const t = new InngestTestEngine({
      function: pollVendorFn,
      events: [{ name: "vendor/poll.requested", data: { vendorId: "missing", host: "x" } }],
    });
    const { error } = await t.execute();
    expect(String((error as Error | undefined)?.message ?? error)).toContain("no longer exists");
  });

  it("prune-history drops raw payloads older than 30 days and keeps the incident", async () => {
    const vendor = await createVendor();
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.incident.create({
      data: {
        vendorId: vendor.id,
        providerId: "old1",
        title: "Old",
        status: "resolved",
        impact: "minor",
        startedAt: old,
        resolvedAt: old,
        updatedAt: old,
        snapshot: { any: "thing" },
      },
    });
    const t = new InngestTestEngine({ function: pruneHistoryFn });
    await t.execute();
    const incident = await db.incident.findFirstOrThrow({ where: { vendorId: vendor.id } });
    expect(incident.snapshot).toBeNull();
    expect(incident.title).toBe("Old");
  });
});
