import { fork } from "node:child_process";
import { parseArgs } from "node:util";

/**
 * `npm run bench:poll [-- --vendors 2000 --rounds 3 --changing 0.05 --https --own-hosts]`: the cost
 * of poll cycles over N fixture vendors beside a bare keep-alive client doing the same requests
 * against the same farm in the same run (scripts/bench/poll-floor.ts), and what keeping every
 * vendor at a 30 s interval would take of 2 cores. `--own-hosts` gives every vendor its own host
 * name (as real vendors have), so connections and TLS sessions are per vendor, not shared by all.
 * BENCH_PROFILE=<dir> keeps a CPU profile of each steady product cycle. Prints figures; asserts nothing.
 */
const { values: args } = parseArgs({
  options: {
    vendors: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    changing: { type: "string", default: "0.05" },
    https: { type: "boolean", default: false },
    "own-hosts": { type: "boolean", default: false },
  },
});
const N = Number(args.vendors);
const ROUNDS = Number(args.rounds);
const SHARE = Number(args.changing);
const HTTPS = args.https;
const OWN_HOSTS = args["own-hosts"];
if (!(N > 0 && ROUNDS > 0 && SHARE >= 0 && SHARE <= 1))
  throw new Error("bench:poll: bad --vendors/--rounds/--changing");
const INTERVAL_S = 30;
const CORES = 2;
const CONCURRENCY = 64;
// One origin for all: the product's bench fetcher may hold as many connections to it as vendors in flight.
const PER_HOST = OWN_HOSTS ? 4 : CONCURRENCY;
process.env.LOG_LEVEL ??= "warn";

const { runMain } = await import("@/lib/cli/main");
const { selfSignedCertificate } = await import("@/test/support/self-signed");
const { createFloor } = await import("./bench/poll-floor");
const { profiled } = await import("./bench/profile");

interface Farm {
  port: number;
  change(share: number): Promise<void>;
  stop(): void;
}

function startFarm(tls?: { key: string; cert: string }): Promise<Farm> {
  const env = { ...process.env, ...(tls ? { BENCH_TLS_KEY: tls.key, BENCH_TLS_CERT: tls.cert } : {}) };
  const child = fork("scripts/bench/vendor-farm.ts", [String(N)], { execArgv: ["--import", "tsx"], env });
  return new Promise((resolve) => {
    child.once("message", (m: { port: number }) =>
      resolve({
        port: m.port,
        change: (share) =>
          new Promise((done) => {
            child.once("message", () => done());
            child.send({ type: "change", share });
          }),
        stop: () => child.send({ type: "stop" }),
      }),
    );
  });
}

async function measure<T>(fn: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const s = (n: number) => `${n.toFixed(2)} s`;
const ms = (n: number) => `${((n / N) * 1000).toFixed(2)} ms`;
const pct = (cpu: number) => `${((cpu / INTERVAL_S / CORES) * 100).toFixed(1)}%`;

await runMain(async () => {
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  const { configureDatabase, db } = await import("@/lib/db");
  const { createFetcher } = await import("@/lib/net/fetch");
  const { pollVendors, summarise } = await import("@/lib/monitor/sweep");
  const { claimDueVendors } = await import("@/lib/monitor/claim");

  const tls = HTTPS ? selfSignedCertificate() : undefined;
  const database = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(database.url);
  configureDatabase(database.url);
  const farm = await startFarm(tls);
  const scheme = HTTPS ? "https" : "http";
  const pageUrl = (i: number) =>
    OWN_HOSTS ? `${scheme}://v${i}.vendors.test:${farm.port}/v${i}` : `${scheme}://127.0.0.1:${farm.port}/v${i}`;
  const loopback = async () => [{ address: "127.0.0.1", family: 4 as const }];
  const fetcher = createFetcher({
    allowPrivateNetworks: true,
    perHostConcurrency: PER_HOST,
    retries: 0,
    ca: tls?.cert,
    resolver: loopback,
  });
  const floor = createFloor({
    https: HTTPS,
    perHost: PER_HOST,
    concurrency: CONCURRENCY,
    ca: tls?.cert,
    address: "127.0.0.1",
  });
  const endpoints = ["summary.json", "incidents.json", "scheduled-maintenances.json"];
  const floorVendors = Array.from({ length: N }, (_, i) => endpoints.map((e) => `${pageUrl(i)}/api/v2/${e}`));
  try {
    await db.vendor.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        slug: `v${i}`,
        name: `Vendor ${i}`,
        statusPageUrl: pageUrl(i),
        provider: "statuspage",
      })),
    });
    const cycle = async () => {
      await db.vendor.updateMany({ data: { nextPollAt: new Date(0) } });
      return measure(async () => {
        const due: Awaited<ReturnType<typeof claimDueVendors>> = [];
        for (let b = await claimDueVendors(500); b.length; b = await claimDueVendors(500)) due.push(...b);
        return summarise(await pollVendors(due, { concurrency: CONCURRENCY, fetcher }));
      });
    };

    console.log(
      `bench:poll  vendors=${N} rounds=${ROUNDS} changing=${SHARE * 100}% per round  ${HTTPS ? "HTTPS" : "HTTP"}, ${OWN_HOSTS ? "a host per vendor" : "one origin"}  ${CONCURRENCY} vendors in flight, ${PER_HOST} connections per host  (embedded PGlite; the farm in a child process)`,
    );
    const floorFirst = await measure(() => floor.cycle(floorVendors));
    const first = await cycle();
    console.log(
      `first poll (baseline), every vendor new:  product wall ${s(first.wall)} cpu ${s(first.cpu)} (${ms(first.cpu)} cpu/vendor) ${JSON.stringify(first.value)}  |  floor wall ${s(floorFirst.wall)} cpu ${s(floorFirst.cpu)}  |  cpu ratio ${(first.cpu / floorFirst.cpu).toFixed(1)}`,
    );

    const rows: Array<{ wall: number; cpu: number; floorWall: number; floorCpu: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      await farm.change(SHARE);
      const c = await profiled(`product-round-${r + 1}`, cycle);
      const f = await measure(() => floor.cycle(floorVendors));
      rows.push({ wall: c.wall, cpu: c.cpu, floorWall: f.wall, floorCpu: f.cpu });
      console.log(
        `round ${r + 1}: product wall ${s(c.wall)} cpu ${s(c.cpu)} ${JSON.stringify(c.value)}  |  floor wall ${s(f.wall)} cpu ${s(f.cpu)} ${JSON.stringify(f.value)}  |  ratio wall ${(c.wall / f.wall).toFixed(2)} cpu ${(c.cpu / f.cpu).toFixed(2)}`,
      );
    }
    const avg = (k: keyof (typeof rows)[number]) => rows.reduce((sum, r) => sum + r[k], 0) / rows.length;
    const [wall, cpu, floorWall, floorCpu] = [avg("wall"), avg("cpu"), avg("floorWall"), avg("floorCpu")];
    console.log("");
    console.log(
      `steady cycle:       product wall ${s(wall)} cpu ${s(cpu)}  |  floor wall ${s(floorWall)} cpu ${s(floorCpu)}`,
    );
    console.log(
      `ratio to the floor: wall ${(wall / floorWall).toFixed(2)}  cpu ${(cpu / floorCpu).toFixed(2)}   (goal <= 2)`,
    );
    console.log(`cpu per vendor:     product ${ms(cpu)}  |  floor ${ms(floorCpu)}`);
    console.log(
      `throughput:         product ${(N / wall).toFixed(0)} vendors/s  |  floor ${(N / floorWall).toFixed(0)} vendors/s`,
    );
    console.log(
      `every vendor each ${INTERVAL_S} s: product ${pct(cpu)} of ${CORES} cores  |  floor ${pct(floorCpu)}   (goal <= 25%)`,
    );
    console.log(
      `first poll of all:  product wall ${s(first.wall)} cpu ${s(first.cpu)}  |  floor wall ${s(floorFirst.wall)} cpu ${s(floorFirst.cpu)}   (goal <= 10 s cpu at 2,000)`,
    );
    console.log(
      `peak RSS:           ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process: product, PGlite, floor)`,
    );
  } finally {
    floor.close();
    farm.stop();
    await database.stop();
  }
});
