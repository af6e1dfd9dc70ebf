import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The Prisma client, one per process and role (kept on globalThis so dev reloads do not leak
 * pools). `npm start` runs the scheduler and the web server in one process, each with its own
 * parse of env.ts and so its own role: their connections are told apart by application_name.
 * Not marked server-only: the CLI and the in-process scheduler share this module outside Next.
 * The URL is DATABASE_URL, or the embedded server's URL that `npm start`, the CLI and the
 * tests set with configureDatabase() before first use.
 */
const globalForDb = globalThis as unknown as {
  vendorwatchDbs?: Map<string, PrismaClient>;
  vendorwatchDbUrl?: string;
  vendorwatchDbKind?: DatabaseKind;
};

/** The embedded PGlite (one process serves it) or a PostgreSQL server (shared by a fleet). */
export type DatabaseKind = "embedded" | "postgres";

export function configureDatabase(url: string, kind?: DatabaseKind): void {
  if (globalForDb.vendorwatchDbUrl !== url) {
    for (const client of clients().values()) void client.$disconnect();
    clients().clear();
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

function clients(): Map<string, PrismaClient> {
  globalForDb.vendorwatchDbs ??= new Map();
  return globalForDb.vendorwatchDbs;
}

export function getDb(): PrismaClient {
  let client = clients().get(applicationName);
  if (!client) {
    client = createClient(databaseUrl());
    clients().set(applicationName, client);
  }
  return client;
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
  const open = [...clients().values()];
  clients().clear();
  await Promise.all(open.map((c) => c.$disconnect()));
}

export type { PrismaClient };
