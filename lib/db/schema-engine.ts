import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { withCharColumns } from "./char-columns";
import { startEmbeddedDatabase } from "./embedded";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the same pg driver adapter
 * the app uses. `prisma migrate` needs a native engine that cannot be downloaded here
 * (see docs/adr/0001-migrations-with-the-wasm-schema-engine.md); this does what
 * `prisma migrate deploy` and `prisma migrate diff` do, and records migrations in
 * `_prisma_migrations` exactly as they would.
 */
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const require = createRequire(import.meta.url);
const noFilters = { externalTables: [], externalEnums: [] };

let lastPanic: string | null = null;

async function loadEngineModule() {
  // The wasm build reports Rust panics through this global; without it the message is lost.
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      set_message: (m: string) => {
        lastPanic = m;
        console.error("PANIC:", m);
      },
    },
  });
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

let enginePromise: ReturnType<typeof loadEngineModule> | undefined;

export async function withSchemaEngine<T>(
  connectionString: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  enginePromise ??= loadEngineModule();
  const bg = await enginePromise;
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  // An owned pool, ended below: the engine never closes its connections itself.
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(withCharColumns(new PrismaPg(pool)));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await fn(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await pool.end();
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const content = await readFile(path.join(dir, name, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((e: Error) => ({ tag: "error" as const, value: e.message }));
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** Applies every committed migration not yet recorded; returns the names applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database from the committed migrations to what the schema describes
 * ("" when they agree). The engine replays the migrations into the database it is connected
 * to, so this always runs against a throwaway in-memory PGlite, never a real database.
 */
export async function diffMigrationsToSchema(opts: { schemaPath?: string } = {}): Promise<string> {
  const migrationsList = await readMigrations();
  const schemaPath = opts.schemaPath ?? SCHEMA_PATH;
  const schema = await readFile(schemaPath, "utf8");
  const scratch = await startEmbeddedDatabase({ dataDir: null });
  try {
    return await withSchemaEngine(scratch.url, async (engine) => {
      const from = migrationsList.migrationDirectories.length
        ? ({ tag: "migrations", ...migrationsList } as const)
        : ({ tag: "empty" } as const);
      const result = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = result.stdout ?? "";
      return sql.trim() === EMPTY_MIGRATION ? "" : sql;
    });
  } finally {
    await scratch.stop();
  }
}

const EMPTY_MIGRATION = "-- This is an empty migration.";
