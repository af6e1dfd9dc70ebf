import pg from "pg";
import { inject } from "vitest";
import { configureDatabase, db, disconnectDb } from "@/lib/db";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";

/**
 * A database of the test file's own, for tests whose code works on every row of a kind (the
 * notification senders claim whatever deliveries are due; digests look at every user), so two
 * files running side by side never send each other's mail. Same kind as the run's database:
 * a fresh embedded PGlite, or a fresh database on the PostgreSQL server under test.
 */
export async function ownDatabase(): Promise<{ db: typeof db; close(): Promise<void> }> {
  if (inject("databaseKind") === "postgres") {
    const admin = new URL(inject("databaseUrl"));
    const name = `vendorwatch_notify_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await run(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    configureDatabase(url.toString());
    return {
      db,
      async close() {
        await disconnectDb();
        await run(`drop database if exists "${name}" with (force)`);
      },
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(embedded.url);
  configureDatabase(embedded.url);
  return {
    db,
    async close() {
      await disconnectDb();
      await embedded.stop();
    },
  };
}
