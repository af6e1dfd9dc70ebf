import { parseArgs } from "node:util";
import { env as config } from "@/env";
import { runMain } from "@/lib/cli/main";
import { benchDatabase, createSite, polledCount, startFarm } from "@/scripts/bench/app";

/**
 * `npm run bench:detect [-- --duration S --vendors N --every MS --database-url URL]`: detection
 * latency. `npm start` polls N fixture vendors at their real intervals (POLL_INTERVAL_SECONDS, and
 * HOT_POLL_INTERVAL_SECONDS for vendors with an open incident); every `--every` ms the farm flips
 * one random vendor's page (a component's status), and a loopback client polls that vendor's
 * `GET /api/v1/vendors/<slug>` until the change shows. Prints p50/p95/max per tier beside the
 * goals. Prints figures; asserts nothing.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "150" },
    vendors: { type: "string", default: "2000" },
    hosts: { type: "string", default: "50" },
    every: { type: "string", default: "1000" },
    "database-url": { type: "string" },
  },
});
const SECONDS = Number(args.duration);
const VENDORS = Number(args.vendors);
const HOSTS = Number(args.hosts);
const EVERY_MS = Number(args.every);
const DATABASE_URL = args["database-url"] ?? process.env.BENCH_DATABASE_URL;
const WATCH_MS = 250;
if (![SECONDS, VENDORS, HOSTS, EVERY_MS].every((n) => Number.isFinite(n) && n > 0))
  throw new Error("--duration, --vendors, --hosts and --every take positive numbers");

const INTERVAL_S = config.POLL_INTERVAL_SECONDS;
const HOT_INTERVAL_S = config.HOT_POLL_INTERVAL_SECONDS;
const fmt = (n: number) => n.toFixed(1);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Observed {
  components: string;
}

await runMain(async () => {
  const farm = await startFarm(VENDORS, HOSTS);
  const database = await benchDatabase(DATABASE_URL);
  const site = await createSite({ farm, vendors: VENDORS, port: config.BENCH_PORT, databaseUrl: database.url });
  const api = (i: number) =>
    fetch(`${site.base}/api/v1/vendors/v${i}`).then(async (r) => {
      if (r.status !== 200) throw new Error(`/api/v1/vendors/v${i} answered ${r.status}`);
      const body = (await r.json()) as { components: Array<{ id: string; status: string }> };
      return { components: JSON.stringify(body.components.map((c) => [c.id, c.status])) } satisfies Observed;
    });
  try {
    console.log(
      `bench:detect  ${VENDORS} fixture vendors on ${HOSTS} farm hosts, ${DATABASE_URL ? "PostgreSQL" : "embedded database"}, npm start (production), intervals ${INTERVAL_S} s and ${HOT_INTERVAL_S} s (open incident), one random vendor flipped every ${EVERY_MS} ms for ${SECONDS} s`,
    );
    await site.start(true);
    const firstPoll = await site.waitFor(
      "the first poll of every vendor",
      900,
      async () => (await polledCount(site)) >= VENDORS,
    );
    console.log(`first poll of all ${VENDORS} vendors: ${fmt(firstPoll)} s after the server answered`);
    const hot = new Set(
      (
        await site.sql<{ slug: string }>(
          `SELECT DISTINCT v.slug FROM "Vendor" v JOIN "Incident" i ON i."vendorId" = v.id WHERE i."resolvedAt" IS NULL`,
        )
      ).map((r) => Number(r.slug.slice(1))),
    );
    // Start from the scheduler's steady rhythm, not the first poll's burst.
    await new Promise((r) => setTimeout(r, INTERVAL_S * 1000));

    const latencies = { hot: [] as number[], normal: [] as number[] };
    let missed = 0;
    let watchErrors = 0;
    const busy = new Set<number>();
    const watchers: Array<Promise<void>> = [];
    const watch = async (i: number) => {
      busy.add(i);
      try {
        const before = await api(i);
        const at = await farm.flip([i]);
        const deadline = at + 3 * INTERVAL_S * 1000;
        for (;;) {
          await new Promise((r) => setTimeout(r, WATCH_MS));
          const now = await api(i);
          if (now.components !== before.components) {
            (hot.has(i) ? latencies.hot : latencies.normal).push((Date.now() - at) / 1000);
            return;
          }
          if (Date.now() > deadline) {
            missed++;
            return;
          }
        }
      } catch {
        watchErrors++;
      } finally {
        busy.delete(i);
      }
    };
    const until = Date.now() + SECONDS * 1000;
    while (Date.now() < until) {
      let i = Math.floor(Math.random() * VENDORS);
      while (busy.has(i)) i = (i + 1) % VENDORS;
      watchers.push(watch(i));
      await new Promise((r) => setTimeout(r, EVERY_MS));
    }
    await Promise.all(watchers);

    console.log(`\nfrom a page's change to the change in GET /api/v1/vendors/<slug> (polled every ${WATCH_MS} ms)`);
    console.log(
      `${"tier".padEnd(26)} ${"flips".padStart(6)} ${"p50 s".padStart(7)} ${"p95 s".padStart(7)} ${"max s".padStart(7)}   goal`,
    );
    for (const [name, list, goal] of [
      [`${INTERVAL_S} s tier (${VENDORS - hot.size} vendors)`, latencies.normal, INTERVAL_S + 5],
      [`hot tier (${hot.size} vendors)`, latencies.hot, 20],
    ] as const) {
      const sorted = [...list].sort((a, b) => a - b);
      const p95 = pct(sorted, 95);
      console.log(
        `${name.padEnd(26)} ${String(sorted.length).padStart(6)} ${fmt(pct(sorted, 50)).padStart(7)} ${fmt(p95).padStart(7)} ${fmt(sorted.at(-1) ?? Number.NaN).padStart(7)}   p95 <= ${goal} s: ${p95 <= goal ? "met" : "not met"}`,
      );
    }
    console.log(
      `not seen within ${3 * INTERVAL_S} s: ${missed}; watches that failed (API error): ${watchErrors}; a vendor's poll interval is jittered ±10%`,
    );
  } finally {
    await site.close();
    farm.stop();
    await database.drop();
  }
});
