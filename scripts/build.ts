import { runMain } from "@/lib/cli/main";

/**
 * `npm run build`: validates config, opens the database (pages prerendered at build time read
 * it), then builds with the same loader `npm start` uses.
 */
await runMain(async () => {
  const { openDatabase } = await import("@/lib/runtime/database");
  const { buildApp } = await import("@/lib/runtime/build");
  const database = await openDatabase();
  try {
    await buildApp({ ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" });
  } finally {
    await database.close();
  }
});
