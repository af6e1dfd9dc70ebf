import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The Prisma client, one per process (kept on globalThis so dev reloads do not leak pools).
 * Not marked server-only: the CLI and the in-process scheduler share this module outside Next.
 * The URL is DATABASE_URL, or the embedded server's URL that `npm start`, the CLI and the
 * tests set with configureDatabase() before first use.
 */
const globalForDb = globalThis as unknown as {
  vendorwatchDb?: PrismaClient;
  vendorwatchDbUrl?: string;
  vendorwatchDbKind?: DatabaseKind;
};

/** The embedded PGlite (one process serves it) or a PostgreSQL server (shared by a fleet). */
export type DatabaseKind = "embedded" | "postgres";

export function configureDatabase(url: string, kind?: DatabaseKind): void {
  if (globalForDb.vendorwatchDb && globalForDb.vendorwatchDbUrl !== url) {
    void globalForDb.vendorwatchDb.$disconnect();
    globalForDb.vendorwatchDb = undefined;
  }
  globalForDb.vendorwatchDbUrl = url;
  if (kind) globalForDb.vendorwatchDbKind = kind;
}

/** As opened by openDatabase(); elsewhere (tests) PostgreSQL when DATABASE_URL is set. */
export function databaseKind(): DatabaseKind {
  return globalForDb.vendorwatchDbKind ?? (env.DATABASE_URL ? "postgres" : "embedded");
}

export function databaseUrl(): string {
  const url = globalForDb.vendorwatchDbUrl ?? env.DATABASE_URL;
  if (!url) throw new Error("No database configured: set DATABASE_URL, or start Vendorwatch with `npm start`");
  return url;
}

/** Which part of Vendorwatch a connection belongs to, visible in pg_stat_activity (and the embedded server's stats). */
const applicationName = `vendorwatch-${env.VENDORWATCH_ROLE}`;

function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_MAX, application_name: applicationName }),
  });
}

export function getDb(): PrismaClient {
  globalForDb.vendorwatchDb ??= createClient(databaseUrl());
  return globalForDb.vendorwatchDb;
}

/** Lazy proxy so `import { db }` works before configureDatabase() runs. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForDb.vendorwatchDb?.$disconnect();
  globalForDb.vendorwatchDb = undefined;
}

export type { PrismaClient };
