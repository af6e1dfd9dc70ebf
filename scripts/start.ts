import { runMain } from "@/lib/cli/main";

/**
 * `npm start`: one command from a fresh clone to a running Vendorwatch. Opens the database
 * (embedded PGlite unless DATABASE_URL is set), migrates, seeds the catalog on first run,
 * builds when sources changed, serves Next on PORT and runs the scheduler in-process.
 */
await runMain(
  async () => {
    const dev = process.argv.includes("--dev");
    const { env } = await import("@/env");
    const { openDatabase } = await import("@/lib/runtime/database");
    const { serve } = await import("@/lib/runtime/server");
    const { logger } = await import("@/lib/log");
    const log = logger("server");
    const database = await openDatabase({ serve: true });
    if (database.applied.length) log.info("migrations.applied", { migrations: database.applied });
    log.info("database.opened", {
      database: database.embedded ? "embedded" : "postgresql",
      ...(database.embedded ? { dataDir: database.embedded.dataDir } : {}),
    });
    await serve({ dev, database, port: env.PORT, hostname: env.HOSTNAME });
  },
  { exit: false },
);
