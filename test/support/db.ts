import { inject } from "vitest";
import { configureDatabase, db } from "@/lib/db";

/** Points lib/db at the run's test database (see global-setup.ts) and returns the client. */
export function connectTestDatabase() {
  configureDatabase(inject("databaseUrl"));
  return db;
}

/**
 * A database of the test's own, migrated: an in-memory embedded PGlite, or with TEST_DATABASE_URL a
 * fresh database on that server. For tests that read fleet-wide state (pollers, the outbox) and so
 * cannot share the run's database with other test files.
 */
export async function createIsolatedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  if (inject("databaseKind") === "postgres") {
    const pg = (await import("pg")).default;
    const admin = new URL(inject("databaseUrl"));
    const name = `vendorwatch_test_${Date.now()}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`create database "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(embedded.url);
  return { url: embedded.url, drop: () => embedded.stop() };
}
