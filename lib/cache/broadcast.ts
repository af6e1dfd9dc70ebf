import pg from "pg";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";

/**
 * Cache invalidation across a fleet: on PostgreSQL, a poll that changed vendors NOTIFYs their
 * slugs, and every instance LISTENs and revalidates its own caches (Next's data and route caches,
 * the page micro-cache). The instance that polled hears its own notification like the others.
 */
export const INVALIDATION_CHANNEL = "vendorwatch_invalidate";
// NOTIFY payloads must stay under 8,000 bytes.
const MAX_PAYLOAD = 7000;

const log = logger("cache");

export function payloadChunks(slugs: string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  for (const slug of slugs) {
    if (current.length && JSON.stringify({ slugs: [...current, slug] }).length > MAX_PAYLOAD) {
      chunks.push(JSON.stringify({ slugs: current }));
      current = [];
    }
    current.push(slug);
  }
  if (current.length) chunks.push(JSON.stringify({ slugs: current }));
  return chunks;
}

export async function publishInvalidation(slugs: string[]): Promise<void> {
  for (const payload of payloadChunks(slugs))
    await db.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${payload})`;
}

export interface InvalidationListener {
  stop(): Promise<void>;
}

/**
 * A dedicated connection that LISTENs (a pooled one would be handed to other queries). It
 * reconnects with back-off; after a reconnect `onResync` runs, since notifications sent while it
 * was away are lost. A cheap query every 30 s notices a connection that died silently.
 */
export function listenForInvalidations(opts: {
  url: string;
  onSlugs: (slugs: string[]) => Promise<void>;
  onResync: () => Promise<void>;
}): InvalidationListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;
  let probe: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (stopped || retry) return;
    const delay = Math.min(30_000, 500 * 2 ** attempt++);
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, delay);
  };
  const drop = (c: pg.Client, why: unknown) => {
    if (client !== c) return;
    client = null;
    clearInterval(probe);
    c.end().catch(() => undefined);
    if (!stopped) {
      log.warn("listen.lost", { err: why instanceof Error ? why : new Error(String(why)) });
      schedule();
    }
  };
  const connect = async (resync: boolean) => {
    const c = new pg.Client({ connectionString: opts.url, keepAlive: true, application_name: "vendorwatch-listen" });
    c.on("error", (err) => drop(c, err));
    c.on("end", () => drop(c, new Error("connection ended")));
    c.on("notification", (msg) => {
      if (msg.channel !== INVALIDATION_CHANNEL || !msg.payload) return;
      let slugs: unknown;
      try {
        slugs = (JSON.parse(msg.payload) as { slugs?: unknown }).slugs;
      } catch {
        return;
      }
      if (Array.isArray(slugs) && slugs.every((s) => typeof s === "string"))
        void opts.onSlugs(slugs).catch((err: unknown) => log.warn("invalidate.failed", { err }));
    });
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      attempt = 0;
      probe = setInterval(() => void c.query("SELECT 1").catch((err: unknown) => drop(c, err)), 30_000);
      probe.unref();
      if (resync) {
        log.info("listen.resumed");
        await opts.onResync().catch((err: unknown) => log.warn("resync.failed", { err }));
      }
    } catch (err) {
      drop(c, err);
    }
  };
  void connect(false);
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(probe);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
