import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { ConcurrentPollError, commitPoll } from "@/lib/monitor/persist";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendor, snapshotHash } from "@/lib/monitor/poll-vendor";
import { diffSnapshot } from "@/lib/monitor/diff";
import { loadStoredState } from "@/lib/monitor/stored-state";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import {
  COMPONENTS,
  INCIDENT,
  MAINTENANCE,
  type Stage,
  incidentStage,
  maintenanceStage,
  stagePayloads,
} from "@/test/support/statuspage-script";

const db = connectTestDatabase();
const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
const componentId = COMPONENTS[0]?.id as string;
const incidentId = INCIDENT.id as string;
const maintenanceId = MAINTENANCE.id as string;

let srv: FixtureServer;
let vendorId: string;
const base = "/acme";

function serve(stage: Stage) {
  const p = stagePayloads(stage);
  srv.set(`${base}/api/v2/summary.json`, { body: p.summary });
  srv.set(`${base}/api/v2/incidents.json`, { body: p.incidents });
  srv.set(`${base}/api/v2/scheduled-maintenances.json`, { body: p.maintenances });
}

async function poll() {
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: pollableVendorSelect });
  const heartbeats = new HeartbeatBuffer();
  const result = await pollVendor(vendor, heartbeats, { fetcher });
  await heartbeats.flush();
  return result;
}

/** Events emitted so far, oldest first: the exact change list the test asserts. */
async function events() {
  const rows = await db.notificationOutbox.findMany({
    where: { vendorId },
    orderBy: [{ createdAt: "asc" }, { idempotencyKey: "asc" }],
  });
  return rows.map((r) => {
    const p = r.payload as {
      incident?: { id: string };
      componentId?: string;
      maintenance?: { id: string };
      to?: string;
    };
    return `${r.event} ${p.incident?.id ?? p.maintenance?.id ?? `${p.componentId}->${p.to}`}`;
  });
}

beforeAll(async () => {
  srv = await startFixtureServer();
  const vendor = await createVendor({ statusPageUrl: `${srv.url}${base}`, provider: "statuspage" });
  vendorId = vendor.id;
});
afterAll(() => srv.close());

describe("monitoring a scripted incident lifecycle", () => {
  it("takes the first successful poll as a silent baseline", async () => {
    serve({});
    const r = await poll();
    expect(r.outcome).toBe("changed");
    expect(await events()).toEqual([]);
    const components = await db.component.count({ where: { vendorId, removedAt: null } });
    const { parsePayload } = await import("@/lib/providers");
    expect(components).toBe(parsePayload("statuspage", { summary: stagePayloads({}).summary }).components.length);
    expect(components).toBeGreaterThan(5);
    const v = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(v.status).toBe("operational");
    expect(v.lastSuccessAt).not.toBeNull();
  });

  it("emits each change exactly once, through failures and repeated payloads", async () => {
    serve({ incident: incidentStage(1), componentStatus: { [componentId]: "degraded_performance" } });
    expect((await poll()).outcome).toBe("changed");
    expect((await poll()).outcome).toBe("unchanged"); // the same payload twice

    serve({ incident: incidentStage(2), componentStatus: { [componentId]: "degraded_performance" } });
    await poll();

    // The vendor's page fails in between: nothing changes, nothing resolves, failures count up.
    srv.set(`${base}/api/v2/summary.json`, { status: 503, body: "upstream down" });
    const failed = await poll();
    expect(failed.outcome).toBe("failed");
    const during = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(during.consecutiveFailures).toBe(1);
    expect(during.status).toBe("partial_outage"); // Statuspage "major" indicator
    expect((await db.incident.findFirstOrThrow({ where: { vendorId } })).status).toBe("identified");

    serve({ incident: incidentStage(3) }); // monitoring; the component recovers
    await poll();
    serve({ incident: incidentStage(4) }); // resolved
    await poll();
    await poll();
    serve({ incident: incidentStage("postmortem") });
    await poll();

    serve({ incident: incidentStage("postmortem"), maintenance: maintenanceStage("scheduled") });
    await poll();
    serve({ incident: incidentStage("postmortem"), maintenance: maintenanceStage("in_progress") });
    await poll();
    serve({ incident: incidentStage("postmortem"), maintenance: maintenanceStage("completed") });
    await poll();
    await poll();

    expect(await events()).toEqual([
      `vendor/component.status_changed ${componentId}->degraded`,
      `vendor/incident.created ${incidentId}`,
      `vendor/incident.updated ${incidentId}`,
      `vendor/component.status_changed ${componentId}->operational`,
      `vendor/incident.updated ${incidentId}`,
      `vendor/incident.resolved ${incidentId}`,
      `vendor/incident.postmortem ${incidentId}`,
      `vendor/maintenance.scheduled ${maintenanceId}`,
      `vendor/maintenance.started ${maintenanceId}`,
      `vendor/maintenance.completed ${maintenanceId}`,
    ]);
    const v = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(v.consecutiveFailures).toBe(0);
    expect(v.status).toBe("operational");
    const incident = await db.incident.findFirstOrThrow({ where: { vendorId }, include: { updates: true } });
    expect(incident.updates).toHaveLength(4);
    expect(incident.resolvedAt?.toISOString()).toBe(new Date(INCIDENT.resolved_at as string).toISOString());
    // Two status changes of the component: degraded, then back to operational.
    const component = await db.component.findFirstOrThrow({
      where: { vendorId, providerId: componentId },
      include: { history: { orderBy: { startedAt: "asc" } } },
    });
    expect(component.history.map((h) => h.status)).toEqual(["operational", "degraded", "operational"]);
    expect(component.history.filter((h) => h.endedAt === null)).toHaveLength(1);
  });

  it("a replayed commit of the same diff is refused and writes nothing twice", async () => {
    serve({
      incident: incidentStage("postmortem"),
      maintenance: maintenanceStage("completed"),
      componentStatus: { [componentId]: "major_outage" },
    });
    const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const outcome = await import("@/lib/providers").then((m) =>
      m.pollProvider({ statusPageUrl: vendor.statusPageUrl, provider: "statuspage" }, { fetcher }),
    );
    if (outcome.kind !== "snapshot") throw new Error(`expected a snapshot, got ${outcome.kind}`);
    const now = new Date();
    const stored = await loadStoredState(vendorId, outcome.snapshot);
    const changes = diffSnapshot(stored, outcome.snapshot, { vendorId, stateKey: vendor.contentHash ?? "", now });
    const input = {
      vendor,
      snapshot: outcome.snapshot,
      changes,
      contentHash: snapshotHash(outcome.snapshot),
      validators: outcome.validators,
      now,
      run: { startedAt: now, durationMs: 1, httpStatus: 200, bytes: 1, error: null },
    };
    await commitPoll(input);
    await expect(commitPoll(input)).rejects.toBeInstanceOf(ConcurrentPollError);
    const outages = (await events()).filter((e) => e.endsWith("->major_outage"));
    expect(outages).toHaveLength(1);
  });

  it("a poll that dies between diff and commit leaves no trace, and the next one emits once", async () => {
    const before = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const eventsBefore = await events();
    // The process "dies" mid-transaction: Postgres refuses a NUL byte after the first writes.
    const broken = {
      ...incidentStage(1),
      id: "crash0000001",
      name: "Crash test",
      incident_updates: [{ ...(incidentStage(1).incident_updates as object[])[0], body: "bad \u0000 byte" }],
    };
    serve({ incident: broken, componentStatus: { [componentId]: "operational" } });
    const crashed = await poll();
    expect(crashed.outcome).toBe("failed");
    const after = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(after.contentHash).toBe(before.contentHash);
    expect(await db.incident.count({ where: { vendorId, providerId: "crash0000001" } })).toBe(0);
    expect(await events()).toEqual(eventsBefore);

    serve({ incident: incidentStage("postmortem"), maintenance: maintenanceStage("completed") });
    await poll();
    await poll();
    expect((await events()).slice(eventsBefore.length)).toEqual([
      `vendor/component.status_changed ${componentId}->operational`,
    ]);
  });

  it("after 3 failed polls the vendor is stale, and keeps its last good data", async () => {
    const { loadVendorDetail } = await import("@/lib/data/vendor-detail");
    const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const before = await loadVendorDetail(vendor.slug);
    expect(before?.stale).toBe(false);
    srv.set(`${base}/api/v2/summary.json`, {
      body: "<html>we are migrating</html>",
      headers: { "content-type": "text/html" },
    });
    for (let i = 0; i < 3; i++) expect((await poll()).outcome).toBe("failed");
    const after = await loadVendorDetail(vendor.slug);
    expect(after?.stale).toBe(true);
    expect(after?.lastError).toMatch(/invalid_payload|json/i);
    expect(after?.status).toBe(before?.status);
    const plain = (d: typeof before) =>
      d?.components.map(({ id, name, group, status }) => ({ id, name, group, status }));
    expect(plain(after)).toEqual(plain(before)); // uptime moves with the clock; statuses do not
    expect(after?.incidents).toEqual(before?.incidents);
    serve({ incident: incidentStage("postmortem"), maintenance: maintenanceStage("completed") });
    await poll();
    expect((await loadVendorDetail(vendor.slug))?.stale).toBe(false);
  });

  it("marks a component that disappears from the page as removed, never operational", async () => {
    const p = JSON.parse(stagePayloads({}).summary) as { components: Array<{ id: string }> };
    p.components = p.components.filter((c) => c.id !== componentId);
    srv.set(`${base}/api/v2/summary.json`, { body: JSON.stringify(p) });
    await poll();
    const c = await db.component.findFirstOrThrow({ where: { vendorId, providerId: componentId } });
    expect(c.removedAt).not.toBeNull();
    expect(c.status).toBe("operational"); // its last known status is kept, but it is not listed
    expect((await events()).at(-1)).toBe(`vendor/component.removed ${componentId}->undefined`);
  });
});
