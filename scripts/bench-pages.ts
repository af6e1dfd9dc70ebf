import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startVendorFixtures } from "@/e2e/support/vendor-fixtures";
import { env as config } from "@/env";
import { runMain } from "@/lib/cli/main";
import { load } from "@/scripts/bench/load";

/**
 * `npm run bench:pages [-- <seconds> <concurrency>]`: a vendor page (data from real polls of a
 * fixture vendor) and a static file served by the same server, under the same load, in one run.
 * Also counts the database queries the web server made while serving the cached page.
 */
const SECONDS = Number(process.argv[2] ?? 10);
const CONCURRENCY = Number(process.argv[3] ?? 50);
const PORT = config.BENCH_PORT;
const TSX = ["--import", "tsx"];
const fmt = (n: number) => n.toFixed(1);

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) =>
    spawn(process.execPath, [...TSX, ...args], { env, stdio: "ignore" }).on("exit", (c) => resolve(c ?? 1)),
  );
}

await runMain(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vendorwatch-bench-"));
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
    DATABASE_URL: "",
  };
  const app = spawn(process.execPath, [...TSX, "scripts/start.ts"], { env, stdio: "ignore" });
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/vendorwatch.svg`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error("the app did not start");
      await new Promise((r) => setTimeout(r, 1000));
    }
    const vendor = fixtures.vendors[0];
    if (!vendor) throw new Error("no fixture vendor");
    await run(
      ["scripts/vendorwatch.ts", "vendors", "add", vendor.url, "--name", vendor.name, "--slug", vendor.slug],
      env,
    );
    fixtures.startIncident();
    await run(["scripts/vendorwatch.ts", "poll", "--once", "--vendor", vendor.slug], env);
    const pageUrl = `${base}/vendors/${vendor.slug}`;
    const first = await fetch(pageUrl);
    const html = await first.text();
    console.log(
      `vendor page: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB of HTML, first ${first.headers.get("x-nextjs-cache") ?? "(miss)"}, then ${(await fetch(pageUrl)).headers.get("x-vendorwatch-cache") ?? "(miss)"} from the page cache`,
    );
    if (!html.includes(vendor.name)) throw new Error(`${pageUrl} did not render the vendor`);
    const secret = (await readFile(path.join(dataDir, "internal-secret"), "utf8")).trim();
    const webQueries = async () => {
      const res = await fetch(`${base}/api/internal/stats`, { headers: { "x-vendorwatch-secret": secret } });
      const body = (await res.json()) as { queries: Record<string, number> };
      return body.queries["vendorwatch-web"] ?? 0;
    };

    await load(pageUrl, 4, 1); // warm up
    const before = await webQueries();
    const page = await load(pageUrl, CONCURRENCY, SECONDS);
    const queries = (await webQueries()) - before;
    const file = await load(`${base}/vendorwatch.svg`, CONCURRENCY, SECONDS);
    // For comparison: the same page from Next's own route cache, past the page micro-cache.
    const nextOnly = await load(pageUrl, CONCURRENCY, SECONDS, { "x-vendorwatch-bypass": "1" });

    console.log(
      `bench:pages  concurrency ${CONCURRENCY}, ${SECONDS} s each, one server (next start, embedded database, scheduler off)`,
    );
    console.log(`                    requests    req/s    p50 ms   p95 ms   p99 ms   errors`);
    for (const [name, r] of [
      ["vendor page", page],
      ["static file", file],
      ["(Next cache only)", nextOnly],
    ] as const) {
      console.log(
        `${name.padEnd(18)}  ${String(r.requests).padStart(8)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50).padStart(9)} ${fmt(r.p95).padStart(8)} ${fmt(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`,
      );
    }
    console.log(
      `vendor page throughput: ${fmt((page.rps / file.rps) * 100)}% of the static file's   (target >= 50%, p95 <= 50 ms)`,
    );
    console.log(`database queries by the web server during ${page.requests} cached page views: ${queries}`);
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    await fixtures.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
