import { fork } from "node:child_process";
import { runMain } from "@/lib/cli/main";

/**
 * `npm run bench:poll [-- <vendors> <rounds> <changing share>]`: the cost of a full poll cycle over
 * N vendors against the fetch+parse floor, and the CPU it would take to keep every vendor at a
 * 30 s interval. Prints figures; asserts nothing.
 */
const N = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 3);
const SHARE = Number(process.argv[4] ?? 0.05);
const INTERVAL_S = 30;
const CORES = 2;

interface Farm {
  url: string;
  change(share: number): Promise<void>;
  stop(): void;
}

function startFarm(): Promise<Farm> {
  const child = fork("scripts/bench/vendor-farm.ts", [String(N)], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve) => {
    child.once("message", (m: { url: string }) =>
      resolve({
        url: m.url,
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

function measure<T>(fn: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return fn().then((value) => {
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(cpu0);
    return { value, wall, cpu: (c.user + c.system) / 1e6 };
  });
}

const fmt = (n: number, d = 2) => n.toFixed(d);

await runMain(async () => {
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  const { configureDatabase, db } = await import("@/lib/db");
  const { createFetcher } = await import("@/lib/net/fetch");
  const { pollProvider } = await import("@/lib/providers");
  const { pollVendors, mapPool, summarise } = await import("@/lib/monitor/sweep");
  const { claimDueVendors } = await import("@/lib/monitor/claim");

  const database = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(database.url);
  configureDatabase(database.url);
  const farm = await startFarm();
  const fetcher = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 64, retries: 0 });
  const concurrency = 64;
  try {
    await db.vendor.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        slug: `v${i}`,
        name: `Vendor ${i}`,
        statusPageUrl: `${farm.url}/v${i}`,
        provider: "statuspage",
      })),
    });
    const cycle = async () => {
      await db.vendor.updateMany({ data: { nextPollAt: new Date(0) } });
      return measure(async () => {
        const due: Awaited<ReturnType<typeof claimDueVendors>> = [];
        for (let b = await claimDueVendors(500); b.length; b = await claimDueVendors(500)) due.push(...b);
        return summarise(await pollVendors(due, { concurrency, fetcher }));
      });
    };
    const floor = () =>
      measure(() =>
        mapPool(
          Array.from({ length: N }, (_, i) => i),
          concurrency,
          (i) =>
            pollProvider({ statusPageUrl: `${farm.url}/v${i}`, provider: "statuspage" }, { fetcher }).then(
              (o) => o.kind,
            ),
        ),
      );

    console.log(
      `bench:poll  vendors=${N} rounds=${ROUNDS} changing=${SHARE * 100}% per round  concurrency=${concurrency}  (embedded PGlite, fixture vendors in a child process)`,
    );
    const baseline = await cycle();
    console.log(
      `baseline cycle (first poll of every vendor, all written): wall ${fmt(baseline.wall)} s, cpu ${fmt(baseline.cpu)} s, ${JSON.stringify(baseline.value)}`,
    );

    const rows: Array<{ wall: number; cpu: number; floorWall: number; floorCpu: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      await farm.change(SHARE);
      const c = await cycle();
      const f = await floor();
      rows.push({ wall: c.wall, cpu: c.cpu, floorWall: f.wall, floorCpu: f.cpu });
      console.log(
        `round ${r + 1}: cycle wall ${fmt(c.wall)} s cpu ${fmt(c.cpu)} s ${JSON.stringify(c.value)} | floor (fetch+parse all, no db) wall ${fmt(f.wall)} s cpu ${fmt(f.cpu)} s | ratio ${fmt(c.wall / f.wall)} | ${fmt(N / c.wall, 0)} polls/s`,
      );
    }
    const avg = (k: keyof (typeof rows)[number]) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    console.log("");
    console.log(`full cycle:          wall ${fmt(avg("wall"))} s   cpu ${fmt(avg("cpu"))} s`);
    console.log(`fetch+parse floor:   wall ${fmt(avg("floorWall"))} s   cpu ${fmt(avg("floorCpu"))} s`);
    console.log(
      `ratio (cycle/floor): wall ${fmt(avg("wall") / avg("floorWall"))}   cpu ${fmt(avg("cpu") / avg("floorCpu"))}   (target <= 2)`,
    );
    console.log(`throughput:          ${fmt(N / avg("wall"), 0)} polls/s`);
    console.log(
      `steady state at ${INTERVAL_S} s: ${fmt((avg("cpu") / INTERVAL_S / CORES) * 100, 1)}% of ${CORES} cores   (target <= 40%)`,
    );
  } finally {
    farm.stop();
    await database.stop();
  }
});
