import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failingVendors, pollerHealth, vendorForConsole } from "@/lib/data/admin-console";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, type RouteSpec, startFixtureServer } from "@/test/fixture-server";
import { createVendor } from "@/test/support/factories";
import { ownDatabase } from "@/test/support/own-database";
import { COMPONENTS, type Stage, stagePayloads } from "@/test/support/statuspage-script";

/**
 * Every poll leaves exactly one PollRun saying how it went, measured against a real page, and the
 * operator console's figures are those runs. The console reads the whole table, so this file has
 * a database of its own.
 */
const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
const base = "/acme";
const paths = ["summary", "incidents", "scheduled-maintenances"].map((p) => `${base}/api/v2/${p}.json`);

let own: Awaited<ReturnType<typeof ownDatabase>>;
let srv: FixtureServer;
let vendor: { id: string; slug: string };
let dead: { id: string; slug: string };
let bodies: string[];

/** Serves the page; the summary gzipped, so bytes are seen to be the decoded body's. */
function serve(spec: Partial<RouteSpec> = {}, summary?: string, stage: Stage = {}) {
  const p = stagePayloads(stage);
  bodies = [summary ?? p.summary, p.incidents, p.maintenances];
  paths.forEach((path, i) => srv.set(path, { body: bodies[i], gzip: i === 0, ...spec }));
}
const servedBytes = () => bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);

async function pollWith(heartbeats: HeartbeatBuffer, vendorId: string) {
  const row = await own.db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: pollableVendorSelect });
  return pollVendor(row, heartbeats, { fetcher });
}

/** One poll, flushed as the scheduler does, and the runs it added. */
async function pollOnce(vendorId = vendor.id) {
  const before = new Set(
    (await own.db.pollRun.findMany({ where: { vendorId }, select: { id: true } })).map((r) => r.id),
  );
  const from = Date.now();
  const heartbeats = new HeartbeatBuffer();
  const result = await pollWith(heartbeats, vendorId);
  await heartbeats.flush();
  const added = (await own.db.pollRun.findMany({ where: { vendorId } })).filter((r) => !before.has(r.id));
  expect(added).toHaveLength(1);
  const run = added[0] as (typeof added)[number];
  expect(run.durationMs).toBeGreaterThan(0);
  expect(run.durationMs).toBeLessThanOrEqual(Date.now() - from + 1);
  expect(run.startedAt.getTime()).toBeGreaterThanOrEqual(from - 1);
  return { result, run };
}

beforeAll(async () => {
  own = await ownDatabase();
  srv = await startFixtureServer();
  vendor = await createVendor({ statusPageUrl: `${srv.url}${base}`, provider: "statuspage" });
});
afterAll(async () => {
  await srv.close();
  await own.close();
});

describe("poll history", () => {
  it("a poll that changes the vendor writes its run with the changes", async () => {
    serve();
    const { result, run } = await pollOnce();
    expect(result.outcome).toBe("changed");
    if (result.outcome !== "changed") return;
    expect(run).toMatchObject({
      outcome: "changed",
      httpStatus: 200,
      bytes: servedBytes(),
      changeCount: result.changes.length,
      error: null,
    });
    expect(run.changeCount).toBeGreaterThan(0);
  });

  it("a poll answered 304 everywhere is not_modified, with no body read", async () => {
    const { result, run } = await pollOnce();
    expect(result.outcome).toBe("unchanged");
    expect(run).toMatchObject({ outcome: "not_modified", httpStatus: 304, bytes: 0, changeCount: 0, error: null });
  });

  it("a poll that reads the same bodies again is unchanged, with what it read", async () => {
    serve({ etag: false });
    const { result, run } = await pollOnce();
    expect(result.outcome).toBe("unchanged");
    expect(run).toMatchObject({ outcome: "unchanged", httpStatus: 200, bytes: servedBytes(), error: null });
  });

  it("a poll the page refuses fails with the status it answered", async () => {
    serve({ status: 503, etag: false });
    const { result, run } = await pollOnce();
    expect(result.outcome).toBe("failed");
    expect(run).toMatchObject({ outcome: "failed", httpStatus: 503, bytes: null });
    expect(run.error).toMatch(/503/);
  });

  it("a page that answers something else fails with what came back", async () => {
    serve({ etag: false }, "<html>we are migrating</html>");
    const { result, run } = await pollOnce();
    expect(result.outcome).toBe("failed");
    expect(run).toMatchObject({ outcome: "failed", httpStatus: 200, bytes: servedBytes() });
    expect(run.error).toMatch(/invalid_payload/);
  });

  it("a page nobody answers fails with no status and no bytes", async () => {
    dead = await createVendor({ statusPageUrl: "http://127.0.0.1:9/gone", provider: "statuspage" });
    const { result, run } = await pollOnce(dead.id);
    expect(result.outcome).toBe("failed");
    expect(run).toMatchObject({ outcome: "failed", httpStatus: null, bytes: null });
    expect(run.error).toMatch(/unreachable/);
  });

  it("an optional resource that is missing does not make a good poll's status its 404", async () => {
    const sparse = await createVendor({ statusPageUrl: `${srv.url}/sparse`, provider: "statuspage" });
    const summary = stagePayloads({}).summary;
    srv.set("/sparse/api/v2/summary.json", { body: summary });
    srv.set("/sparse/api/v2/incidents.json", { status: 404 });
    srv.set("/sparse/api/v2/scheduled-maintenances.json", { status: 404 });
    const { result, run } = await pollOnce(sparse.id);
    expect(result.outcome).toBe("changed");
    expect(run).toMatchObject({ outcome: "changed", httpStatus: 200, bytes: Buffer.byteLength(summary) });
  });

  it("polls sharing a flush each keep their run", async () => {
    serve({}, undefined, { componentStatus: { [COMPONENTS[0]?.id as string]: "major_outage" } });
    const before = await own.db.pollRun.count({ where: { vendorId: vendor.id } });
    const heartbeats = new HeartbeatBuffer();
    for (let i = 0; i < 3; i++) await pollWith(heartbeats, vendor.id);
    expect(await own.db.pollRun.count({ where: { vendorId: vendor.id } })).toBe(before + 1); // the change, committed
    await heartbeats.flush();
    expect(await own.db.pollRun.count({ where: { vendorId: vendor.id } })).toBe(before + 3);
  });
});

describe("the console's figures come from the runs", () => {
  it("polls, failures, p95 latency, what failing vendors got back, and each vendor's history", async () => {
    const runs = await own.db.pollRun.findMany({ orderBy: { startedAt: "desc" } });
    expect(runs.length).toBeGreaterThanOrEqual(9);
    const health = await pollerHealth(new Date(Date.now() + 1000));
    expect(health.polls).toBe(runs.length);
    expect(health.pollsPerMinute).toBeCloseTo(runs.length / health.windowMinutes, 6);
    expect(health.failures).toBe(runs.filter((r) => r.outcome === "failed").length);
    // percentile_cont: linear between the two nearest ranks.
    const sorted = runs.map((r) => r.durationMs).sort((a, b) => a - b);
    const rank = 0.95 * (sorted.length - 1);
    const lo = sorted[Math.floor(rank)] as number;
    const hi = sorted[Math.ceil(rank)] as number;
    expect(health.p95Ms).toBe(Math.round(lo + (hi - lo) * (rank - Math.floor(rank))));

    const failing = await failingVendors();
    expect(failing.vendors.map((v) => v.slug)).toEqual([dead.slug]);
    const deadRun = runs.find((r) => r.vendorId === dead.id);
    expect(failing.vendors[0]?.lastRun).toMatchObject({ outcome: "failed", httpStatus: null, bytes: null });
    expect(failing.vendors[0]?.lastRun?.startedAt).toEqual(deadRun?.startedAt);

    const page = await vendorForConsole(vendor.slug);
    const history = page?.history ?? [];
    expect(history.map((r) => r.id).sort()).toEqual(
      runs
        .filter((r) => r.vendorId === vendor.id)
        .map((r) => r.id)
        .sort(),
    );
    const times = history.map((r) => r.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page?.outcomes).toEqual({ changed: 2, not_modified: 3, unchanged: 1, failed: 2 });
  });
});
