import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseEnvFile } from "@/lib/deploy-check";
import { interpolate } from "@/lib/deploy-check/compose";
import { configureDatabase, db, disconnectDb } from "@/lib/db";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { type AppInstance, isHealthy, startInstance, waitUntil } from "@/test/support/app-instance";
import { type ChatReceivers, startChatReceivers } from "@/test/support/chat-receivers";
import { createIsolatedDatabase } from "@/test/support/db";
import { inngestIntrospect } from "@/test/support/inngest-sign";
import { addChannel, createUser, subscribe, webhookSecret } from "@/test/support/notify-factories";
import { INCIDENT, incidentStage, stagePayloads } from "@/test/support/statuspage-script";

/**
 * A real fleet on the CI machine's PostgreSQL: two `npm start` instances (one shared build) poll
 * a farm of vendor pages together. Requests are counted at the farm; which instance polled what
 * comes from each instance's own JSON log. Then the fleet configuration of docker-compose.yml
 * (in Inngest mode) starts against the same database, and the dead-man's switch is watched over
 * HTTP as the pollers die.
 */
const INTERVAL = 5;
// One instance alone must carry them all: the fetcher starts at most 10 requests a second per host
// (the farm is one host), and a Statuspage poll makes 3.
const VENDORS = 12;
const PORTS = { a: 3431, b: 3432, c: 3433 };
const postgres = inject("databaseKind") === "postgres";

let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let farm: FixtureServer;
let rx: ChatReceivers;
let dataRoot: string;
let a: AppInstance;
let b: AppInstance;
let c: AppInstance | undefined;
let worker: AppInstance | undefined;
const slugs = Array.from({ length: VENDORS }, (_, i) => `farm-${i}`);

const instanceEnv = (name: string): Record<string, string> => ({
  DATABASE_URL: database.url,
  VENDORWATCH_DATA_DIR: path.join(dataRoot, name),
  VENDORWATCH_SEED: "none",
  VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "1",
  POLL_INTERVAL_SECONDS: String(INTERVAL),
  HOT_POLL_INTERVAL_SECONDS: String(INTERVAL),
  LOG_LEVEL: "debug",
  LOG_FORMAT: "json",
  NODE_ENV: "production",
});

function serve(slug: string, stage: Parameters<typeof stagePayloads>[0]) {
  const p = stagePayloads(stage);
  farm.set(`/${slug}/api/v2/summary.json`, { body: p.summary });
  farm.set(`/${slug}/api/v2/incidents.json`, { body: p.incidents });
  farm.set(`/${slug}/api/v2/scheduled-maintenances.json`, { body: p.maintenances });
}

/** Polls of each vendor seen at the farm (one summary.json request per poll) within [from, to). */
function pollsAtFarm(from: number, to = Date.now()): Map<string, number[]> {
  const out = new Map<string, number[]>(slugs.map((s) => [s, []]));
  for (const r of farm.requests) {
    const m = /^\/(farm-\d+)\/api\/v2\/summary\.json/.exec(r.path);
    if (m && r.at >= from && r.at < to) out.get(m[1] as string)?.push(r.at);
  }
  return out;
}

const logTime = (l: { time?: string }) => Date.parse(l.time ?? "");
const pollsLogged = (i: AppInstance, from: number) =>
  i.logs.filter((l) => l.event === "poll" && l.component === "scheduler" && logTime(l) >= from);

async function page(instance: AppInstance, slug: string) {
  const res = await fetch(`${instance.url}/vendors/${slug}`);
  return { cache: res.headers.get("x-vendorwatch-cache"), html: await res.text() };
}

describe.skipIf(!postgres)("a two-instance fleet on PostgreSQL", () => {
  beforeAll(async () => {
    database = await createIsolatedDatabase();
    configureDatabase(database.url, "postgres");
    dataRoot = await mkdtemp(path.join(os.tmpdir(), "vw-fleet-"));
    farm = await startFixtureServer();
    rx = await startChatReceivers();
    for (const slug of slugs) serve(slug, {});
    await db.vendor.createMany({
      data: slugs.map((slug) => ({
        slug,
        name: `Farm ${slug.slice(5)}`,
        statusPageUrl: `${farm.url}/${slug}`,
        provider: "statuspage",
      })),
    });
    // The first instance builds the app when its sources changed; the second finds the build current.
    a = startInstance("a", PORTS.a, instanceEnv("a"));
    await waitUntil("instance a", () => isHealthy(a), 900_000, 1000);
    b = startInstance("b", PORTS.b, instanceEnv("b"));
    await waitUntil("instance b", () => isHealthy(b), 120_000, 500);
    // Every vendor has had its (silent) baseline poll.
    await waitUntil("baselines", async () => (await db.vendor.count({ where: { lastSuccessAt: null } })) === 0, 60_000);
  }, 1_000_000);

  afterAll(async () => {
    await Promise.all([a, b, c, worker].map((i) => i?.kill("SIGKILL")));
    await disconnectDb();
    await farm?.close();
    await rx?.close();
    await database?.drop();
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  });

  it("polls each vendor once per interval between them, not twice", async () => {
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 4 * INTERVAL * 1000));
    const polls = pollsAtFarm(from);
    for (const [slug, times] of polls) {
      // Jittered ±10%: four intervals hold 3 to 5 polls of one vendor; two pollers would double it.
      expect(times.length, slug).toBeGreaterThanOrEqual(3);
      expect(times.length, slug).toBeLessThanOrEqual(5);
      // When each poll started, from both instances' logs (a request may wait seconds in the
      // per-host queue, so the farm's clock says how many, the pollers' when): claims of one vendor
      // are at least 0.9 intervals apart, whichever instance made them.
      const starts = [a, b]
        .flatMap((x) => pollsLogged(x, from - INTERVAL * 1000).filter((l) => l.vendor === slug))
        .map((l) => logTime(l) - Number(l.durationMs))
        .sort((p, q) => p - q);
      for (let i = 1; i < starts.length; i++)
        expect((starts[i] as number) - (starts[i - 1] as number), slug).toBeGreaterThan(0.85 * INTERVAL * 1000);
    }
    // Both instances did their share, and every request the farm saw belongs to exactly one logged
    // poll of one instance (the request falls between that poll's start and end). Counting by
    // window alone would miscount the polls that straddle the window's edges.
    expect(pollsLogged(a, from).length).toBeGreaterThan(0);
    expect(pollsLogged(b, from).length).toBeGreaterThan(0);
    const spans = [a, b].flatMap((x) =>
      pollsLogged(x, from - INTERVAL * 1000).map((l) => ({
        vendor: l.vendor,
        start: logTime(l) - Number(l.durationMs) - 50,
        end: logTime(l) + 50,
      })),
    );
    for (const [slug, times] of polls)
      for (const t of times)
        expect(spans.filter((p) => p.vendor === slug && p.start <= t && t <= p.end).length, `${slug} at ${t}`).toBe(1);
  }, 60_000);

  it("commits a change once, and purges the page cache of both instances", async () => {
    const slug = "farm-0";
    // Fill both page caches: the second view of each is answered from memory.
    for (const instance of [a, b]) {
      await page(instance, slug);
      expect((await page(instance, slug)).cache, instance.name).toBe("HIT");
    }
    // Three subscribers, each with email (kept in the local outbox: no RESEND_API_KEY) and a signed
    // webhook; both instances run the notification workers.
    const vendor = await db.vendor.findUniqueOrThrow({ where: { slug } });
    const subscribers = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const user = await createUser({ email: `fleet-${n}-${Date.now()}@example.com` });
        await subscribe(user.id, vendor.id);
        const secret = webhookSecret();
        rx.setSecret(`fleet-${n}`, secret);
        await addChannel(user.id, "webhook", rx.urlFor("webhook", `fleet-${n}`), secret);
        return user;
      }),
    );
    const filled = Date.now();
    serve(slug, { incident: incidentStage(1) });
    const title = INCIDENT.name as string;
    await waitUntil("the incident committed", async () => (await db.incident.count({ where: { title } })) > 0, 15_000);
    const committed = Date.now();
    for (const instance of [a, b]) {
      await waitUntil(
        `${instance.name} shows the incident`,
        async () => (await page(instance, slug)).html.includes(title),
        10_000,
      );
    }
    // Within the micro-cache's 30 s lifetime, so a purge did it, not an expiry.
    expect(Date.now() - filled).toBeLessThan(25_000);
    expect(Date.now() - committed).toBeLessThan(10_000);

    const changed = [a, b].flatMap((i) =>
      i.logs.filter((l) => l.event === "poll" && l.vendor === slug && l.outcome === "changed" && logTime(l) >= filled),
    );
    expect(changed).toHaveLength(1);
    const events = await db.notificationOutbox.findMany({ where: { vendorId: vendor.id } });
    expect(events.map((e) => e.event)).toEqual(["vendor/incident.created"]);

    // Each subscriber hears once per channel, whichever instance fanned out and sent.
    const emails = () => db.localEmail.findMany({ where: { to: { in: subscribers.map((u) => u.email as string) } } });
    await waitUntil(
      "every alert delivered",
      async () => rx.accepted("webhook").length >= 3 && (await emails()).length >= 3,
      30_000,
    );
    // Long enough for a second sender on the other instance to have doubled anything.
    await new Promise((r) => setTimeout(r, 2 * INTERVAL * 1000));
    for (const [n, user] of subscribers.entries()) {
      const calls = rx.accepted("webhook", `fleet-${n}`);
      expect(calls, user.email as string).toHaveLength(1);
      expect(calls[0]?.body).toMatchObject({ type: "alert", vendor: { slug } });
    }
    expect(rx.redeliveries).toBe(0);
    const mail = await emails();
    expect(mail.map((m) => m.to).sort()).toEqual(subscribers.map((u) => u.email).sort());
    for (const m of mail) expect(m.subject).toContain(`Farm 0: ${title}`);
    const deliveries = await db.notificationDelivery.groupBy({
      by: ["userId", "channelId"],
      where: { userId: { in: subscribers.map((u) => u.id) } },
      _count: { _all: true },
    });
    expect(deliveries).toHaveLength(6);
    for (const d of deliveries) expect(d._count._all).toBe(1);
  }, 90_000);

  it("polls a killed instance's share from the other within one interval", async () => {
    await a.kill("SIGKILL");
    const killed = Date.now();
    await new Promise((r) => setTimeout(r, (1.1 * INTERVAL + 3) * 1000));
    const polls = pollsAtFarm(killed);
    const late = [...polls].filter(([, times]) => !times.some((t) => t <= killed + (1.1 * INTERVAL + 2.5) * 1000));
    expect(late.map(([s]) => s)).toEqual([]);
    // b took over the vendors a was polling (a is dead: every request since is b's).
    const aHad = new Set(pollsLogged(a, killed - 4 * INTERVAL * 1000).map((l) => l.vendor));
    const bTook = new Set(pollsLogged(b, killed).map((l) => l.vendor));
    expect(aHad.size).toBeGreaterThan(0);
    expect([...aHad].filter((v) => !bTook.has(v))).toEqual([]);
    expect(await isHealthy(b)).toBe(true);
  }, 60_000);

  it("starts the compose fleet's web configuration (Inngest mode) and registers every function", async () => {
    const compose = parse(await readFile("docker-compose.yml", "utf8"), { merge: true }) as {
      services: Record<string, { environment: Record<string, string> }>;
    };
    const example = parseEnvFile(await readFile("deploy/fleet.env.example", "utf8"));
    // The operator's secrets, as `openssl rand -hex 32` would make them.
    const secret = () =>
      Array.from({ length: 32 }, () =>
        Math.floor(Math.random() * 256)
          .toString(16)
          .padStart(2, "0"),
      ).join("");
    const vars = new Map(example.map((e) => [e.key, e.value || secret()]));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(compose.services["web-1"]?.environment ?? {}))
      env[key] = interpolate(String(value), vars);
    const url = `http://127.0.0.1:${PORTS.c}`;
    // Only what names the compose network's hosts changes: PostgreSQL, Inngest, the proxy.
    Object.assign(env, {
      DATABASE_URL: database.url,
      INNGEST_BASE_URL: "http://127.0.0.1:9",
      INNGEST_SERVE_ORIGIN: url,
      APP_URL: url,
      VENDORWATCH_DATA_DIR: path.join(dataRoot, "c"),
      VENDORWATCH_SEED: "none",
      POLL_INTERVAL_SECONDS: String(INTERVAL),
    });
    c = startInstance("c", PORTS.c, env);
    await waitUntil("the compose web instance", () => isHealthy(c as AppInstance), 120_000, 500);

    const { introspection, sync } = await inngestIntrospect(`${url}/api/inngest`, env.INNGEST_SIGNING_KEY as string);
    expect(introspection.status).toBe(200);
    expect(introspection.body).toMatchObject({ authentication_succeeded: true, mode: "cloud", has_event_key: true });
    const ids = (sync.body.functions ?? []).map((f) => f.id);
    const { functions } = await import("@/inngest/index");
    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const f of functions) expect(ids).toContain(f.id("vendorwatch"));
    expect(introspection.body.function_count).toBe(ids.length);
    // In Inngest mode the instance polls nothing itself.
    expect(c.logs.some((l) => l.event === "scheduler.started")).toBe(false);

    const metrics = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect((await fetch(`${url}/api/metrics`)).status).toBe(401);
  }, 180_000);

  it("goes 503 when the last poller dies, logs it, and recovers when a worker polls again", async () => {
    const instance = c as AppInstance;
    await b.kill("SIGKILL");
    await waitUntil(
      "503 from the dead-man's switch",
      async () => !(await isHealthy(instance)),
      3 * INTERVAL * 1000 + 5000,
    );
    const res = await fetch(`${instance.url}/api/health`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { checks: { poller: { ok: boolean } } }).checks.poller.ok).toBe(false);
    await waitUntil(
      "the stalled log line",
      async () => instance.logs.some((l) => l.event === "poller.stalled"),
      2 * INTERVAL * 1000,
    );

    worker = startInstanceWorker();
    await waitUntil("200 again", () => isHealthy(instance), 60_000);
  }, 120_000);
});

/** `vendorwatch poll`: a polling worker without the web app. */
function startInstanceWorker(): AppInstance {
  return startInstance("worker", 3434, instanceEnv("worker"), ["scripts/vendorwatch.ts", "poll"]);
}
