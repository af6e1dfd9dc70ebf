import { rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import next from "next";
import { env, inngestIsExternal } from "@/env";
import { databaseKind, db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { internalSecret } from "@/lib/cache/invalidate";
import { logger } from "@/lib/log";
import { authSecret } from "@/lib/auth/secret";
import { stampClientIp } from "@/lib/runtime/client-ip";
import { buildApp, buildIsCurrent } from "@/lib/runtime/build";
import { edge } from "@/lib/runtime/edge";
import { VendorGate } from "@/lib/runtime/vendor-gate";
import { incidentExists, vendorExists } from "@/lib/data/known";
import { dnsCacheSize } from "@/lib/net/dns-cache";
import { PageCache, registerPageCache } from "@/lib/runtime/page-cache";
import type { OpenDatabase } from "@/lib/runtime/database";
import { seedCatalog } from "@/prisma/seed";

const log = logger("server");

interface ServeOptions {
  dev: boolean;
  database: OpenDatabase;
  port: number;
  hostname: string;
}

async function seedOnFirstRun(): Promise<void> {
  if (env.VENDORWATCH_SEED === "none" || (await db.vendor.count()) > 0) return;
  const { created } = await seedCatalog();
  log.info("catalog.seeded", { created });
}

function listen(server: http.Server, port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new UserError(`PORT ${port} is already in use: stop the other server or set PORT`)
          : error,
      ),
    );
    server.listen(port, hostname, () => resolve());
  });
}

export async function serve({ dev, database, port, hostname }: ServeOptions): Promise<void> {
  await seedOnFirstRun();
  await internalSecret(true);
  // Generated before the first request when AUTH_SECRET is unset, so the build and every request agree.
  await authSecret();
  // Next's own process.env reads (and the build child) see the database this process opened.
  process.env.DATABASE_URL = database.url;
  if (!dev && !(await buildIsCurrent())) {
    log.info("build.started", { reason: "first start or sources changed" });
    await buildApp({ ...process.env, NODE_ENV: "production" });
  }
  // Read by the web server's own copy of env.ts (this process's was parsed at start), so its
  // database connections are told apart from the scheduler's.
  process.env.VENDORWATCH_ROLE = "web";
  const embedded = database.embedded;
  if (embedded)
    Object.assign(globalThis, {
      vendorwatchQueryStats: embedded.queryStats,
      vendorwatchSnapshot: () => embedded.snapshot(),
    });
  // Next keeps unstable_cache entries on disk across restarts, but polls made while the server was
  // down (by the CLI or a worker) never invalidated them, and the database may even be another one.
  await rm(path.join(process.cwd(), ".next/cache/fetch-cache"), { recursive: true, force: true });
  const app = next({ dev, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const pageCache = dev ? null : new PageCache(() => `http://127.0.0.1:${port}`);
  if (pageCache) registerPageCache(pageCache);
  const gate = new VendorGate({ vendor: vendorExists, incident: incidentExists });
  // Read by /api/internal/stats, so tests and benchmarks can watch that traffic does not grow them.
  Object.assign(globalThis, {
    vendorwatchCacheStats: () => ({ pageCache: pageCache?.stats() ?? null, gate: gate.stats(), dns: dnsCacheSize() }),
  });
  const toNext = edge(gate, (req, res) => {
    if (pageCache && PageCache.cacheable(req)) {
      void pageCache.serve(req, res).then((served) => (served ? undefined : handle(req, res)));
      return;
    }
    void handle(req, res);
  });
  const server = http.createServer((req, res) => {
    stampClientIp(req, env.VENDORWATCH_TRUST_PROXY);
    toNext(req, res);
  });
  await listen(server, port, hostname);
  const { advertiseServer } = await import("@/lib/ops/backup");
  const unadvertise = await advertiseServer(path.resolve(env.VENDORWATCH_DATA_DIR), port);
  log.info("serving", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` });

  let scheduler: { stop(): Promise<void> } | null = null;
  let notifier: { stop(): Promise<void> } | null = null;
  if (env.VENDORWATCH_SCHEDULER === "on" && !inngestIsExternal()) {
    const { startScheduler } = await import("@/lib/monitor/scheduler");
    const { startNotifier } = await import("@/lib/notify/runner");
    const running = startNotifier();
    notifier = running;
    scheduler = startScheduler({
      summaryEveryMs: env.POLL_INTERVAL_SECONDS < 30 ? 10_000 : 60_000,
      dispatch: async () => running.wake(),
    });
    log.info("scheduler.started", {
      intervalSeconds: env.POLL_INTERVAL_SECONDS,
      mode: "in-process",
      notifications: "in-process",
    });
  }

  // On PostgreSQL a fleet shares one database: every instance hears every poll's changes.
  let listener: { stop(): Promise<void> } | null = null;
  if (databaseKind() === "postgres") {
    const { listenForInvalidations } = await import("@/lib/cache/broadcast");
    const { revalidateLocally } = await import("@/lib/cache/invalidate");
    listener = listenForInvalidations({
      url: env.DATABASE_DIRECT_URL ?? database.url,
      onSlugs: async (slugs) => {
        await revalidateLocally(slugs, `http://127.0.0.1:${port}`);
      },
      // Changes may have been missed while the connection was down: revalidate every vendor.
      onResync: async () => {
        pageCache?.clear();
        const all = await db.vendor.findMany({ select: { slug: true } });
        for (let i = 0; i < all.length; i += 2000)
          await revalidateLocally(
            all.slice(i, i + 2000).map((v) => v.slug),
            `http://127.0.0.1:${port}`,
          );
      },
    });
  }

  // The dead-man's switch runs on every instance, whichever poller (in-process, worker, Inngest) polls.
  const { startWatchdog } = await import("@/lib/ops/watchdog");
  const watchdog = startWatchdog();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutdown", { signal });
    watchdog.stop();
    await scheduler?.stop();
    await notifier?.stop();
    await listener?.stop();
    await unadvertise();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close?.();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}
