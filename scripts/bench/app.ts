import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * What bench:pages and bench:detect share: the vendor farm in a child process, a data directory
 * with N fixture vendors imported through `vendorwatch vendors import`, and `npm start` (the
 * production server with or without its scheduler) on the embedded database or on PostgreSQL.
 */
const TSX = ["--import", "tsx"];

export interface Farm {
  urls: string[];
  vendorUrl(i: number): string;
  /** Flips a share of vendors (a different slice each call); resolves when they are served. */
  change(share: number): Promise<void>;
  /** Flips these vendors; resolves with the time (ms since the epoch) they were served. */
  flip(vendors: number[]): Promise<number>;
  stop(): void;
}

export function startFarm(count: number, hosts: number): Promise<Farm> {
  const child = fork("scripts/bench/vendor-farm.ts", [String(count), String(hosts)], { execArgv: TSX });
  const ask = <T>(msg: object) =>
    new Promise<T>((resolve) => {
      child.once("message", (m: T) => resolve(m));
      child.send(msg);
    });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (m: { urls: string[] }) =>
      resolve({
        urls: m.urls,
        vendorUrl: (i) => `${m.urls[i % m.urls.length]}/v${i}`,
        change: async (share) => void (await ask({ type: "change", share })),
        flip: async (vendors) => (await ask<{ at: number }>({ type: "flip", vendors })).at,
        stop: () => child.send({ type: "stop" }),
      }),
    );
  });
}

/** On PostgreSQL, a database of its own for this run, dropped afterwards. */
export async function benchDatabase(serverUrl: string | undefined): Promise<{ url?: string; drop(): Promise<void> }> {
  if (!serverUrl) return { drop: async () => undefined };
  const name = `vendorwatch_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface Site {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  base: string;
  /** A query on the app's database (the embedded one through the socket the server opens). */
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  start(scheduler: boolean): Promise<void>;
  stop(): Promise<void>;
  /** Polls until `done` holds, printing nothing; throws after `seconds`. */
  waitFor(what: string, seconds: number, done: () => Promise<boolean>): Promise<number>;
  close(): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, ...args], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`))));
  });
}

export async function createSite(opts: {
  farm: Farm;
  vendors: number;
  port: number;
  databaseUrl?: string;
}): Promise<Site> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vendorwatch-bench-"));
  const base = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    UV_THREADPOOL_SIZE: "64",
    VENDORWATCH_DATA_DIR: dataDir,
    VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "1",
    VENDORWATCH_SEED: "none",
    PORT: String(opts.port),
    HOSTNAME: "127.0.0.1",
    APP_URL: base,
    DATABASE_URL: opts.databaseUrl ?? "",
    LOG_LEVEL: "warn",
    RESEND_API_KEY: "",
  };
  const catalog = path.join(dataDir, "bench-vendors.json");
  await writeFile(
    catalog,
    JSON.stringify(
      Array.from({ length: opts.vendors }, (_, i) => ({
        name: `Vendor ${i}`,
        slug: `v${i}`,
        status_page_url: opts.farm.vendorUrl(i),
        provider: "statuspage",
        category: ["Cloud", "Payments", "Email", "CDN", "Developer tools"][i % 5],
      })),
    ),
  );
  await run(["scripts/vendorwatch.ts", "vendors", "import", catalog], env);

  let app: ChildProcess | null = null;
  let client: pg.Client | null = null;
  const connect = async () => {
    if (client) return client;
    let url = opts.databaseUrl;
    if (!url) {
      const { port } = JSON.parse(await readFile(path.join(dataDir, "embedded-server.json"), "utf8")) as {
        port: number;
      };
      url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    }
    client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
  const site: Site = {
    dataDir,
    env,
    base,
    sql: async (text, values) => (await (await connect()).query(text, values)).rows,
    async start(scheduler) {
      app = spawn(process.execPath, [...TSX, "scripts/start.ts"], {
        env: { ...env, VENDORWATCH_SCHEDULER: scheduler ? "on" : "off" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const exited = new Promise<never>((_, reject) =>
        app?.once("exit", (code) => reject(new Error(`npm start exited ${code}`))),
      );
      exited.catch(() => undefined);
      await Promise.race([
        exited,
        site.waitFor("the app to start (it builds first when sources changed)", 900, () =>
          fetch(`${base}/vendorwatch.svg`).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      ]);
    },
    async stop() {
      await client?.end().catch(() => undefined);
      client = null;
      const running = app;
      app = null;
      if (!running || running.exitCode !== null) return;
      const exit = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await exit;
    },
    async waitFor(what, seconds, done) {
      const t0 = performance.now();
      while (!(await done().catch(() => false))) {
        if (performance.now() - t0 > seconds * 1000)
          throw new Error(`timed out after ${seconds} s waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      return (performance.now() - t0) / 1000;
    },
    async close() {
      await site.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return site;
}

/** Vendors the scheduler has polled at least once, successfully. */
export async function polledCount(site: Site): Promise<number> {
  const [row] = await site.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Vendor" WHERE "lastSuccessAt" IS NOT NULL`,
  );
  return row?.n ?? 0;
}
