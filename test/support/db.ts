import { inject } from "vitest";
import { configureDatabase, db } from "@/lib/db";

/** Points lib/db at the run's test database (see global-setup.ts) and returns the client. */
export function connectTestDatabase() {
  configureDatabase(inject("databaseUrl"));
  return db;
}
