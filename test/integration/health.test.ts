import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Two intervals of 5 s: the dead-man's switch fires after 10 s without a poll cycle.
vi.hoisted(() => {
  process.env.POLL_INTERVAL_SECONDS = "5";
});

const { GET } = await import("@/app/api/health/route");
const { configureDatabase, db, disconnectDb } = await import("@/lib/db");
const { startScheduler } = await import("@/lib/monitor/scheduler");
const { createFetcher } = await import("@/lib/net/fetch");
const { configureLog } = await import("@/lib/log");
const { startWatchdog, watchdogState } = await import("@/lib/ops/watchdog");
const { startFixtureServer } = await import("@/test/fixture-server");
const { createIsolatedDatabase } = await import("@/test/support/db");
const { stagePayloads } = await import("@/test/support/statuspage-script");
const { startTcpProxy } = await import("@/test/support/tcp-proxy");

type Report = { status: string; checks: Record<string, { ok: boolean; [k: string]: unknown }> };
const health = async () => {
  const res = await GET();
  return { status: res.status, body: (await res.json()) as Report };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let vendors: Awaited<ReturnType<typeof startFixtureServer>>;
const pings: string[] = [];
let receiver: http.Server;
let receiverUrl: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createIsolatedDatabase();
  proxy = await startTcpProxy(database.url);
  configureDatabase(proxy.url);
  vendors = await startFixtureServer();
  const p = stagePayloads({});
  vendors.set("/acme/api/v2/summary.json", { body: p.summary });
  vendors.set("/acme/api/v2/incidents.json", { body: p.incidents });
  vendors.set("/acme/api/v2/scheduled-maintenances.json", { body: p.maintenances });
  await db.vendor.create({
    data: { slug: "acme", name: "Acme", statusPageUrl: `${vendors.url}/acme`, provider: "statuspage" },
  });
  receiver = http.createServer((req, res) => {
    pings.push(req.url ?? "");
    res.end("OK");
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ping/vendorwatch`;
  configureLog({ stream: { write: (l: string) => logLines.push(l) }, format: "json", level: "info" });
});
afterAll(async () => {
  await disconnectDb();
  await proxy.close();
  await database.drop();
  await vendors.close();
  receiver.close();
});

const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0 });
const events = () => logLines.map((l) => (JSON.parse(l) as { event: string }).event);

describe("GET /api/health and the dead-man's switch", () => {
  it("is 200 while polls run, 503 when the database is down or polls stop, and 200 again", async () => {
    const watchdog = startWatchdog({ everyMs: 3_600_000, healthcheckUrl: receiverUrl });
    let scheduler = startScheduler({ fetcher, flushMs: 500, tickMs: 250 });
    try {
      // 200 alone could be the start-up grace: wait for a recorded cycle.
      await until("a poll cycle", async () => {
        const h = await health();
        return h.status === 200 && Boolean(h.body.checks.poller?.lastCycleAt);
      });
      const ok = await health();
      expect(ok.body.status).toBe("ok");
      expect(ok.body.checks).toMatchObject({
        database: { ok: true },
        migrations: { ok: true, pending: [] },
        poller: { ok: true, thresholdSeconds: 10 },
        outbox: { ok: true, pending: 0 },
      });
      await watchdog.tick();
      expect(pings).toEqual(["/ping/vendorwatch"]);

      // The database goes away: every connection dropped, new ones refused.
      proxy.down();
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body.checks.database).toMatchObject({ ok: false });
      await watchdog.tick();
      expect(pings).toHaveLength(1); // no ping while unhealthy
      proxy.up();
      await until("the database back", async () => (await health()).status === 200);

      // Polls stop: no cycle for two intervals.
      await scheduler.stop();
      await until("the switch to fire", async () => (await health()).status === 503, 15_000);
      const stalled = await health();
      expect(stalled.body.checks.poller).toMatchObject({ ok: false, thresholdSeconds: 10 });
      expect(stalled.body.checks.poller?.lastCycleAgeSeconds as number).toBeGreaterThanOrEqual(10);
      expect(stalled.body.checks.database).toMatchObject({ ok: true });
      await watchdog.tick();
      expect(events()).toContain("poller.stalled");
      expect(watchdogState().stalledSince).not.toBeNull();
      expect(pings).toHaveLength(1);

      scheduler = startScheduler({ fetcher, flushMs: 500, tickMs: 250 });
      await until("polls back", async () => (await health()).status === 200);
      await watchdog.tick();
      expect(events()).toContain("poller.recovered");
      expect(watchdogState().stalledSince).toBeNull();
      expect(pings).toHaveLength(2);
    } finally {
      watchdog.stop();
      await scheduler.stop();
    }
  }, 90_000);

  it("is 503 while a committed migration is not applied, or a change event waits too long", async () => {
    const [latest] = await db.$queryRaw<Array<{ id: string; migration_name: string }>>`
      SELECT id, migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    if (!latest) throw new Error("no migrations recorded");
    // A cycle of our own, so only the check under test can fail.
    const { PollerRecord } = await import("@/lib/ops/poller");
    const poller = new PollerRecord("cli");
    await poller.record(new Date(), true);

    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = ${latest.id}`;
    const pending = await health();
    expect(pending.status).toBe(503);
    expect(pending.body.checks.migrations).toMatchObject({ ok: false, pending: [latest.migration_name] });
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = ${latest.id}`;
    expect((await health()).status).toBe(200);

    const event = await db.notificationOutbox.create({
      data: {
        idempotencyKey: `health-${Date.now()}`,
        event: "vendor/incident.created",
        payload: {},
        createdAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    const late = await health();
    expect(late.status).toBe(503);
    expect(late.body.checks.outbox).toMatchObject({ ok: false, pending: 1 });
    expect(late.body.checks.outbox?.oldestPendingAgeSeconds as number).toBeGreaterThanOrEqual(600);
    await db.notificationOutbox.update({ where: { id: event.id }, data: { status: "sent" } });
    expect((await health()).status).toBe(200);
  });
});
