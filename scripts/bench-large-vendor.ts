import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LARGE_VENDOR_SLUG, startVendorFixtures } from "@/e2e/support/vendor-fixtures";
import { env as config } from "@/env";
import { runMain } from "@/lib/cli/main";
import { findRunningEmbedded } from "@/lib/db/embedded";
import { load } from "@/scripts/bench/load";
import { seedHistory } from "@/test/support/component-history";

/**
 * `npm run bench:large [-- <seconds> <concurrency>]`: Cloudflare's recorded page (467 components)
 * with 90 days of history, served by `npm start` (scheduler off). Prints the vendor page's HTML
 * size, the largest data-cache entry written, whether Next refused an entry as too large, and the
 * page and API latencies beside a static file from the same server.
 */
const SECONDS = Number(process.argv[2] ?? 5);
const CONCURRENCY = Number(process.argv[3] ?? 10);
const PORT = config.BENCH_PORT;
const TSX = ["--import", "tsx"];
const DATA_CACHE = path.join(process.cwd(), ".next/cache/fetch-cache");
const ROUTE_CACHE = path.join(process.cwd(), ".next/server/route-cache");
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) =>
    spawn(process.execPath, [...TSX, ...args], { env, stdio: "ignore" }).on("exit", (c) => resolve(c ?? 1)),
  );
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { "accept-encoding": "identity", ...headers } });
  const body = await res.text();
  return { ms: performance.now() - t0, bytes: Buffer.byteLength(body), res, body };
}

/** The largest file this run wrote under a cache directory (the directories outlive runs). */
async function largestEntry(dir: string, since: number): Promise<{ file: string; bytes: number } | null> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  let best: { file: string; bytes: number } | null = null;
  for (const name of names) {
    const s = await stat(path.join(dir, name));
    if (s.isFile() && s.mtimeMs >= since && (!best || s.size > best.bytes)) best = { file: name, bytes: s.size };
  }
  return best;
}

await runMain(async () => {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vendorwatch-bench-large-"));
  const fixtures = await startVendorFixtures();
  const base = `http://127.0.0.1:${PORT}`;
  const env = {
    ...process.env,
    VENDORWATCH_DATA_DIR: dataDir,
    VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "1",
    VENDORWATCH_SCHEDULER: "off",
    VENDORWATCH_SEED: "none",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    APP_URL: base,
    DATABASE_URL: "",
  };
  const app = spawn(process.execPath, [...TSX, "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  app.stdout.on("data", (d: Buffer) => (log += d.toString()));
  app.stderr.on("data", (d: Buffer) => (log += d.toString()));
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/vendorwatch.svg`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 900) throw new Error(`the app did not start:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const vendor = fixtures.vendors.find((v) => v.slug === LARGE_VENDOR_SLUG);
    if (!vendor) throw new Error("no large fixture vendor");
    const add = ["scripts/vendorwatch.ts", "vendors", "add", vendor.url, "--name", vendor.name, "--slug", vendor.slug];
    if ((await run(add, env)) !== 0) throw new Error("could not add the vendor");
    await run(["scripts/vendorwatch.ts", "poll", "--once", "--vendor", vendor.slug], env);
    const db = await findRunningEmbedded(dataDir);
    if (!db) throw new Error("the embedded database is not running");
    const intervals = await seedHistory(db.url, vendor.slug);

    const pageUrl = `${base}/vendors/${vendor.slug}`;
    const apiUrl = `${base}/api/v1/vendors/${vendor.slug}`;
    const fileUrl = `${base}/vendorwatch.svg`;
    const firstPage = await timed(pageUrl);
    if (!firstPage.body.includes("Cloudflare")) throw new Error(`${pageUrl} did not render the vendor`);
    const firstApi = await timed(apiUrl);
    const components = (JSON.parse(firstApi.body) as { components: unknown[] }).components.length;
    // Past the page micro-cache: Next's route cache and the data cache behind it.
    await load(pageUrl, 2, 1, { "x-vendorwatch-bypass": "1" });
    await load(apiUrl, 2, 1);
    const file = await load(fileUrl, CONCURRENCY, SECONDS);
    const page = await load(pageUrl, CONCURRENCY, SECONDS);
    const pageNext = await load(pageUrl, CONCURRENCY, SECONDS, { "x-vendorwatch-bypass": "1" });
    const api = await load(apiUrl, CONCURRENCY, SECONDS);
    const apiOne = await load(apiUrl, 1, SECONDS);
    const fileOne = await load(fileUrl, 1, SECONDS);
    const largest = await largestEntry(DATA_CACHE, started);
    const largestRoute = await largestEntry(ROUTE_CACHE, started);
    const refused = log.split("\n").filter((l) => /over 2MB/i.test(l)).length;

    console.log(`bench:large  ${vendor.name}: ${components} components, ${intervals} history intervals over 90 days`);
    console.log(`vendor page HTML        ${kib(firstPage.bytes)} (${firstPage.bytes} bytes)   target <= 300 KiB`);
    console.log(`largest data-cache entry ${largest ? kib(largest.bytes) : "none"}   Next's limit 2048 KiB`);
    console.log(
      `largest route-cache file ${largestRoute ? `${kib(largestRoute.bytes)} (${largestRoute.file})` : "none"}`,
    );
    console.log(`"items over 2MB" logged ${refused} time(s)`);
    console.log(`API detail JSON         ${kib(firstApi.bytes)}`);
    console.log(`first page render       ${ms(firstPage.ms)}   first API answer ${ms(firstApi.ms)}`);
    console.log(`\n${SECONDS} s each            concurrency   req/s    p50       p95       p95 / static file's`);
    for (const [name, r, floor] of [
      ["static file", file, file],
      ["vendor page", page, file],
      ["page, Next cache only", pageNext, file],
      ["API detail", api, file],
      ["static file, 1 client", fileOne, fileOne],
      ["API detail, 1 client", apiOne, fileOne],
    ] as const) {
      const c = name.endsWith("1 client") ? 1 : CONCURRENCY;
      console.log(
        `${name.padEnd(24)}${String(c).padStart(5)} ${r.rps.toFixed(0).padStart(9)}  ${ms(r.p50).padStart(9)} ${ms(r.p95).padStart(9)}   ${(r.p95 / floor.p95).toFixed(1)}x${r.errors ? `  (${r.errors} errors)` : ""}`,
      );
    }
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    await fixtures.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
