import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here for CLI commands. Migrations in this project
// run through scripts/db-migrate.ts (the wasm schema engine), so only the schema path matters.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
