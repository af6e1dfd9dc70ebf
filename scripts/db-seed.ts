import { runMain } from "@/lib/cli/main";

await runMain(async () => {
  const { openDatabase } = await import("@/lib/runtime/database");
  const { seedCatalog } = await import("@/prisma/seed");
  const database = await openDatabase();
  try {
    const { created, updated, total } = await seedCatalog();
    console.log(`catalog: ${total} vendors, ${created} created, ${updated} updated`);
  } finally {
    await database.close();
  }
});
