import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { env as config } from "@/env";
import { runMain } from "@/lib/cli/main";
import { type Site, benchDatabase, createSite, polledCount, startFarm } from "@/scripts/bench/app";
import { type LoadResult, load } from "@/scripts/bench/load";
import { signIn } from "@/scripts/bench/sign-in";

/**
 * `npm run bench:pages [-- --duration S --vendors N --concurrency 20,50 --database-url URL]`:
 * `npm start` (production build) over N fixture vendors served by the vendor farm, every public
 * route family under a closed-loop client on the same box, first with the scheduler off and then
 * polling them (5% of the vendors' pages change every 30 s). Each route is printed beside a static
 * file served by the same server under the same load in the same phase (the floor), with the
 * ratio of its throughput to the floor's. Prints figures; asserts nothing.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    vendors: { type: "string", default: "2000" },
    hosts: { type: "string", default: "50" },
    concurrency: { type: "string", default: "20,50" },
    "database-url": { type: "string" },
  },
});
const SECONDS = Number(args.duration);
const VENDORS = Number(args.vendors);
const HOSTS = Number(args.hosts);
const CONCURRENCY = (args.concurrency ?? "").split(",").map(Number);
const DATABASE_URL = args["database-url"] ?? process.env.BENCH_DATABASE_URL;
const CHANGE_EVERY_MS = 30_000;
const CHANGE_SHARE = 0.05;
if (![SECONDS, VENDORS, HOSTS, ...CONCURRENCY].every((n) => Number.isFinite(n) && n > 0))
  throw new Error("--duration, --vendors, --hosts and --concurrency take positive numbers");

const fmt = (n: number, d = 1) => n.toFixed(d);

interface Route {
  name: string;
  url: string | string[];
  headers?: Record<string, string>;
}

type Phase = Map<string, Map<number, LoadResult>>;

async function measure(routes: Route[]): Promise<Phase> {
  const phase: Phase = new Map();
  for (const route of routes) {
    const byConcurrency = new Map<number, LoadResult>();
    await load(route.url, 2, 0.5, route.headers);
    for (const c of CONCURRENCY) byConcurrency.set(c, await load(route.url, c, SECONDS, route.headers));
    phase.set(route.name, byConcurrency);
  }
  return phase;
}

async function routesOf(site: Site): Promise<Route[]> {
  const [incident] = await site.sql<{ slug: string; providerId: string }>(
    `SELECT v.slug, i."providerId" FROM "Incident" i JOIN "Vendor" v ON v.id = i."vendorId"
     WHERE i."resolvedAt" IS NULL ORDER BY v.slug LIMIT 1`,
  );
  if (!incident) throw new Error("no vendor has an open incident: the farm's pages did not load");
  const slug = incident.slug;
  const visitor = await signIn(site, "bench@example.com");
  const vendor = `${site.base}/vendors/${slug}`;
  return [
    { name: "static file (floor)", url: `${site.base}/vendorwatch.svg` },
    { name: "home /", url: `${site.base}/` },
    { name: "directory /vendors", url: `${site.base}/vendors` },
    {
      name: "search /vendors?q=",
      url: ["vendor 1", "vendor 42", "v7", "vendor 19", "endor 3"].map(
        (q) => `${site.base}/vendors?${new URLSearchParams({ q })}`,
      ),
    },
    { name: "/status", url: `${site.base}/status` },
    { name: "vendor page", url: vendor },
    { name: "vendor page, signed-out cookie", url: vendor, headers: { cookie: visitor.signedOutCookie } },
    { name: "vendor page, signed in", url: vendor, headers: { cookie: visitor.signedInCookie } },
    { name: "/dashboard, signed in", url: `${site.base}/dashboard`, headers: { cookie: visitor.signedInCookie } },
    { name: "incident page", url: `${vendor}/incidents/${encodeURIComponent(incident.providerId)}` },
    { name: "/api/v1/vendors/<slug>", url: `${site.base}/api/v1/vendors/${slug}` },
    { name: "feed.atom", url: `${vendor}/feed.atom` },
    { name: "feed.rss", url: `${vendor}/feed.rss` },
    { name: "badge.svg", url: `${vendor}/badge.svg` },
  ];
}

/** The signed-in visitor follows a free plan's worth of vendors, through the product's own code. */
async function followSome(site: Site, email: string, count: number): Promise<void> {
  const { configureDatabase } = await import("@/lib/db");
  const { findRunningEmbedded } = await import("@/lib/db/embedded");
  const url = DATABASE_URL ? (site.env.DATABASE_URL as string) : (await findRunningEmbedded(site.dataDir))?.url;
  if (!url) throw new Error("the app's database is not running");
  configureDatabase(url, DATABASE_URL ? "postgres" : "embedded");
  const { db } = await import("@/lib/db");
  const { followVendor } = await import("@/lib/data/subscriptions");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  for (let i = 0; i < count; i++) await followVendor(user.id, `v${i}`);
  await db.$disconnect();
}

function print(title: string, off: Phase, polling: Phase) {
  const size = new Map<string, number>();
  console.log(`\n${title}`);
  console.log(
    `${"route".padEnd(32)} conc | ${"scheduler off".padEnd(36)} | scheduler polling\n${"".padEnd(32)}      | ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"x floor".padStart(7)} err | ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"x floor".padStart(7)} err`,
  );
  const floorName = "static file (floor)";
  for (const [name, byConcurrency] of off) {
    for (const c of CONCURRENCY) {
      const cell = (phase: Phase) => {
        const r = phase.get(name)?.get(c);
        const floor = phase.get(floorName)?.get(c);
        if (!r || !floor) return "".padEnd(36);
        size.set(name, r.bytes);
        return `${fmt(r.rps, 0).padStart(7)} ${fmt(r.p50).padStart(7)} ${fmt(r.p95).padStart(7)} ${fmt(r.rps / floor.rps, 2).padStart(7)} ${String(r.errors).padStart(3)}`;
      };
      if (byConcurrency.has(c))
        console.log(`${name.padEnd(32)} ${String(c).padStart(4)} | ${cell(off)} | ${cell(polling)}`);
    }
  }
  console.log(
    `body sizes (KiB, as sent without compression): ${[...size].map(([name, b]) => `${name} ${fmt(b / 1024, 0)}`).join(", ")}`,
  );
  console.log("goal: p95 <= 50 ms at 50 clients for every public route while the scheduler polls (issue 12)");
}

await runMain(async () => {
  const started = performance.now();
  const farm = await startFarm(VENDORS, HOSTS);
  const database = await benchDatabase(DATABASE_URL);
  const site = await createSite({ farm, vendors: VENDORS, port: config.BENCH_PORT, databaseUrl: database.url });
  const timer = setInterval(() => void farm.change(CHANGE_SHARE), CHANGE_EVERY_MS);
  timer.unref();
  try {
    console.log(
      `bench:pages  ${VENDORS} fixture vendors on ${HOSTS} farm hosts, ${config.BENCH_PORT === 0 ? "" : `port ${config.BENCH_PORT}, `}${DATABASE_URL ? "PostgreSQL" : "embedded database"}, npm start (production), clients ${CONCURRENCY.join(" and ")}, ${SECONDS} s per route`,
    );
    await site.start(true);
    const firstPoll = await site.waitFor(
      "the first poll of every vendor",
      900,
      async () => (await polledCount(site)) >= VENDORS,
    );
    console.log(`first poll of all ${VENDORS} vendors by the scheduler: ${fmt(firstPoll)} s after the server answered`);
    const routes = await routesOf(site);
    await followSome(site, "bench@example.com", 10);
    // One interval for the scheduler to leave the first poll's burst and reach its steady rhythm.
    await new Promise((r) => setTimeout(r, 30_000));
    const polling = await measure(routes);
    await site.stop();
    await site.start(false);
    const secret = (await readFile(path.join(site.dataDir, "internal-secret"), "utf8")).trim();
    // Every client's batches, not the web role's alone: the server process's scheduler and its Next
    // share one Prisma client, so their connections carry one name. The scheduler is off here.
    const queries = async () => {
      const res = await fetch(`${site.base}/api/internal/stats`, { headers: { "x-vendorwatch-secret": secret } });
      const counts = ((await res.json()) as { queries: Record<string, number> }).queries;
      return Object.values(counts).reduce((sum, n) => sum + n, 0);
    };
    const off = await measure(routes);
    const vendorPage = routes.find((r) => r.name === "vendor page") as Route;
    await load(vendorPage.url, 2, 0.5);
    const before = DATABASE_URL ? 0 : await queries();
    const views = await load(vendorPage.url, 20, 2);
    print(
      `${VENDORS} vendors, ${DATABASE_URL ? "PostgreSQL" : "embedded database"}; "x floor" is req/s over the static file's in the same phase and at the same concurrency`,
      off,
      polling,
    );
    if (!DATABASE_URL)
      console.log(
        `database queries by anyone (scheduler off) during ${views.requests} cached vendor page views: ${(await queries()) - before}`,
      );
    console.log(`whole run: ${fmt((performance.now() - started) / 1000, 0)} s`);
  } finally {
    clearInterval(timer);
    await site.close();
    farm.stop();
    await database.drop();
  }
});
