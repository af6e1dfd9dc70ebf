import pg from "pg";
import type { TestProject } from "vitest/node";
import { env } from "@/env";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "embedded" | "postgres";
  }
}

/**
 * One migrated database for the run: an in-memory embedded PGlite by default, or, with
 * TEST_DATABASE_URL, a fresh database created on that PostgreSQL server and dropped after.
 * Tests isolate themselves by creating their own vendors (test/support/factories.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  let url: string;
  if (env.TEST_DATABASE_URL) {
    const admin = new URL(env.TEST_DATABASE_URL);
    const name = `vendorwatch_test_${Date.now()}_${process.pid}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`create database "${name}"`);
    await client.end();
    const target = new URL(admin);
    target.pathname = `/${name}`;
    url = target.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    };
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: null });
    url = embedded.url;
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("databaseKind", embedded ? "embedded" : "postgres");
  return async () => {
    await embedded?.stop();
    await dropDatabase?.();
  };
}
