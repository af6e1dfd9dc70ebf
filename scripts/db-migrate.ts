import { runMain } from "@/lib/cli/main";

await runMain(async () => {
  const { openDatabase } = await import("@/lib/runtime/database");
  const database = await openDatabase({ migrate: true });
  console.log(database.applied.length ? `applied ${database.applied.join(", ")}` : "database is up to date");
  await database.close();
});
