import path from "node:path";
import pg from "pg";
import { env } from "@/env";
import { configureDatabase } from "@/lib/db";
import { findRunningEmbedded, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DatabaseUnavailableError, UserError } from "@/lib/errors";

export interface OpenDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
  applied: string[];
  close(): Promise<void>;
}

function describe(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Fails fast, with one line, when the configured database cannot be reached. */
async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnavailableError(`Cannot reach the database at DATABASE_URL (${describe(url)}): ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Opens the database every entry point uses: DATABASE_URL when set, otherwise the embedded
 * PGlite under VENDORWATCH_DATA_DIR (reusing the one a running `npm start` serves, since only
 * one process may open its files). Applies pending migrations unless told not to.
 */
export async function openDatabase(opts: { serve?: boolean; migrate?: boolean } = {}): Promise<OpenDatabase> {
  let url = env.DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  if (url) {
    await assertReachable(url);
  } else {
    const dataDir = path.resolve(env.VENDORWATCH_DATA_DIR);
    const running = await findRunningEmbedded(dataDir);
    if (running && opts.serve) {
      throw new UserError(
        `Vendorwatch is already running on ${dataDir} (pid ${running.pid}): stop it first, or set VENDORWATCH_DATA_DIR`,
      );
    }
    url = running?.url;
    if (!url) {
      embedded = await startEmbeddedDatabase({ dataDir, advertise: opts.serve ?? false });
      url = embedded.url;
    }
  }
  configureDatabase(url, embedded || !env.DATABASE_URL ? "embedded" : "postgres");
  // Migrations take a session-level lock: through a transaction pooler they need the direct URL.
  const applied = opts.migrate === false ? [] : await applyMigrations(env.DATABASE_DIRECT_URL ?? url);
  const open: OpenDatabase = {
    url,
    embedded,
    applied,
    async close() {
      const { disconnectDb } = await import("@/lib/db");
      await disconnectDb();
      await embedded?.stop();
    },
  };
  return open;
}
