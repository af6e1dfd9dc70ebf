import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { configureDatabase, db, disconnectDb } from "@/lib/db";
import { findRunningEmbedded } from "@/lib/db/embedded";
import { type AppInstance, isHealthy, startInstance, waitUntil } from "@/test/support/app-instance";
import { createIsolatedDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";

/**
 * A real `npm start` (production build) under the traffic a crawler or an attacker sends: random
 * slugs and incident ids on every vendor route, endless searches, and bytes PostgreSQL cannot
 * store. None of it may leave a file in Next's caches, grow an in-memory cache, or answer 500.
 */
const PORT = 3341;
const postgres = inject("databaseKind") === "postgres";
const NEXT_DIR = path.join(process.cwd(), ".next");
const INCIDENT_ID = "inc 1/2";

let app: AppInstance;
let dataDir: string;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>> | undefined;
let secret: string;
let slug: string;

const random = () => randomBytes(6).toString("hex");
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

interface Stats {
  queries: Record<string, number> | null;
  caches: {
    pageCache: { entries: number; bytes: number; pending: number };
    gate: { vendors: number; incidents: number };
    dns: number;
  };
}

async function stats(): Promise<Stats> {
  const res = await fetch(`${app.url}/api/internal/stats`, { headers: { "x-vendorwatch-secret": secret } });
  expect(res.status).toBe(200);
  return (await res.json()) as Stats;
}

async function files(dir = NEXT_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Next may finish writing what earlier requests rendered after answering them. */
async function settledFiles(): Promise<string[]> {
  let last = await files();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await files();
    if (now.join("\n") === last.join("\n")) return now;
    last = now;
  }
}

/** One request with its path sent exactly as written (fetch would resolve dot segments first). */
function get(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: PORT, path: target, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

/** Every path through `concurrency` parallel clients; how many got each status. */
async function hammer(paths: string[], concurrency = 16): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const status = await get(paths[next++] as string);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vw-hostile-"));
  if (postgres) database = await createIsolatedDatabase();
  app = startInstance("hostile", PORT, {
    ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: undefined }),
    VENDORWATCH_DATA_DIR: dataDir,
    VENDORWATCH_SEED: "none",
    VENDORWATCH_SCHEDULER: "off",
    // The watchdog's health read would otherwise land among the reads this test counts.
    POLL_INTERVAL_SECONDS: "3600",
    LOG_FORMAT: "json",
    NODE_ENV: "production",
  });
  // Builds first when the sources changed since the last build.
  await waitUntil("the server", () => isHealthy(app), 900_000, 1000);
  const url = database?.url ?? (await findRunningEmbedded(dataDir))?.url;
  if (!url) throw new Error("the server's embedded database is not advertised");
  configureDatabase(url, postgres ? "postgres" : "embedded");
  const vendor = await createVendor();
  slug = vendor.slug;
  const at = new Date();
  await db.incident.create({
    data: {
      vendorId: vendor.id,
      providerId: INCIDENT_ID,
      title: "Elevated errors",
      status: "investigating",
      impact: "minor",
      startedAt: at,
      updatedAt: at,
    },
  });
  secret = (await readFile(path.join(dataDir, "internal-secret"), "utf8")).trim();
}, 1_000_000);

afterAll(async () => {
  agent.destroy();
  await app?.kill("SIGKILL");
  await disconnectDb();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("hostile traffic against npm start", () => {
  it("still serves every route of a vendor that exists", async () => {
    const id = encodeURIComponent(INCIDENT_ID);
    for (const route of [
      `/vendors/${slug}`,
      `/vendors/${slug}/incidents/${id}`,
      `/vendors/${slug}/feed.rss`,
      `/vendors/${slug}/feed.atom`,
      `/vendors/${slug}/maintenances.ics`,
      `/vendors/${slug}/badge.svg`,
      `/vendors/${slug}/logo.svg`,
      `/api/v1/vendors/${slug}`,
      `/api/v1/vendors/${slug}/status`,
      "/vendors?q=test",
    ]) {
      const res = await fetch(`${app.url}${route}`);
      expect(res.status, route).toBe(200);
      await res.arrayBuffer();
    }
    const upper = await fetch(`${app.url}/vendors/${slug.toUpperCase()}`, { redirect: "manual" });
    expect(upper.status).toBe(308);
    expect(upper.headers.get("location")).toMatch(new RegExp(`/vendors/${slug}$`));
  });

  it("answers 10,000 random slugs and incident ids with 404s that leave no file and grow no cache", async () => {
    // The not-found page itself is cached once, on first use: one entry, whatever the traffic.
    expect(await get(`/vendors/${random()}`)).toBe(404);
    const filesBefore = await settledFiles();
    const before = await stats();
    const families = [
      (s: string) => `/vendors/${s}`,
      (s: string) => `/vendors/${s}/incidents/${s}`,
      (s: string) => `/vendors/${slug}/incidents/${s}`,
      (s: string) => `/vendors/${s}/feed.rss`,
      (s: string) => `/vendors/${s}/feed.atom`,
      (s: string) => `/vendors/${s}/maintenances.ics`,
      (s: string) => `/vendors/${s}/badge.svg`,
      (s: string) => `/vendors/${s}/logo.svg`,
      (s: string) => `/vendors/${s}/opengraph-image`,
      (s: string) => `/api/v1/vendors/${s}`,
      (s: string) => `/api/v1/vendors/${s}/status`,
    ];
    const paths = Array.from({ length: 10_000 }, (_, i) =>
      (families[i % families.length] as (s: string) => string)(random()),
    );
    const statuses = await hammer(paths);
    expect(statuses).toEqual({ 404: 10_000 });

    const after = await stats();
    // Nothing learned from a miss: the known vendor and its incident stay the only entries.
    expect(after.caches.gate).toEqual(before.caches.gate);
    expect(after.caches.pageCache).toEqual(before.caches.pageCache);
    expect(after.caches.dns).toBe(before.caches.dns);
    if (after.queries && before.queries) {
      // Every slug here could be a vendor's, so each request cost the server's check exactly one
      // unique-index read (the known vendor of the incident family is remembered), and Next none.
      const total = (q: Record<string, number>) => Object.values(q).reduce((sum, n) => sum + n, 0);
      expect(total(after.queries) - total(before.queries)).toBe(paths.length);
    }

    // Dot segments are resolved before the check, as Next resolves them, so a known vendor's path
    // cannot carry an unknown one past it.
    const dotted = await hammer(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 ? `/vendors/${slug}/../${random()}` : `/vendors/${slug}/incidents/%2e%2e/%2e%2e/${random()}`,
      ),
    );
    expect(dotted).toEqual({ 404: 100 });

    // Searches are the caller's text too: read each time, never cached per phrase.
    const searches = await hammer(Array.from({ length: 300 }, () => `/vendors?q=${random()}`));
    expect(searches).toEqual({ 200: 300 });
    const apiSearches = await hammer(
      Array.from({ length: 300 }, () => `/api/v1/vendors?q=${random()}&category=${random()}`),
    );
    expect(apiSearches).toEqual({ 200: 300 });

    expect(await settledFiles()).toEqual(filesBefore);
  });

  it("refuses NUL and bytes that are not UTF-8 with 400 or 404 on every route family", async () => {
    const bad = ["%00", "a%00b", "%FF", "caf%E9", "%C0%80", "%ED%A0%80", "%F4%90%80%80"];
    const routes = (b: string) => [
      // pages
      `/vendors/${b}`,
      `/vendors/${b}/incidents/1`,
      `/vendors/${slug}/incidents/${b}`,
      `/vendors?q=${b}`,
      `/vendors?category=${b}`,
      `/vendors?status=${b}&page=${b}`,
      `/status?filter=${b}`,
      `/?q=${b}`,
      `/vendors/${slug}?x=${b}`,
      // feeds
      `/vendors/${b}/feed.rss`,
      `/vendors/${b}/feed.atom`,
      `/vendors/${b}/maintenances.ics`,
      `/vendors/${slug}/feed.rss?x=${b}`,
      `/calendar/${b}.ics`,
      // badges and images
      `/vendors/${b}/badge.svg`,
      `/vendors/${slug}/badge.svg?style=${b}`,
      `/vendors/${b}/logo.svg`,
      `/vendors/${b}/opengraph-image`,
      // API
      `/api/v1/vendors/${b}`,
      `/api/v1/vendors/${b}/status`,
      `/api/v1/vendors?q=${b}`,
      `/api/v1/vendors?category=${b}`,
      `/api/v1/me/subscriptions/${b}`,
      `/api/account/follows/${b}`,
      `/api/unsubscribe/${b}`,
      `/notifications/${b}`,
    ];
    const failures: string[] = [];
    for (const b of bad)
      for (const route of routes(b)) {
        const res = await fetch(`${app.url}${route}`, { redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 400 && res.status !== 404) failures.push(`${route}: ${res.status}`);
      }
    expect(failures).toEqual([]);
    const api = await fetch(`${app.url}/api/v1/vendors/%00`);
    expect(api.status).toBe(400);
    expect(api.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await api.json()) as { error: string }).error).toMatch(/UTF-8/);
  });
});
