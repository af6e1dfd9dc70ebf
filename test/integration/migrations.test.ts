import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH, diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { connectTestDatabase } from "@/test/support/db";

describe("migrations", () => {
  it("the committed migrations produce exactly what the schema describes", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("notices a schema change that has no migration yet", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "vw-drift-"));
    const schema = path.join(dir, "schema.prisma");
    try {
      await cp(SCHEMA_PATH, schema);
      const changed = (await readFile(schema, "utf8")).replace(
        "model Vendor {",
        "model Vendor {\n  driftProbe String?",
      );
      await writeFile(schema, changed);
      const sql = await diffMigrationsToSchema({ schemaPath: schema });
      expect(sql).toContain('ADD COLUMN     "driftProbe" TEXT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("were applied to the test database and recorded as prisma migrate deploy does", async () => {
    const db = connectTestDatabase();
    const rows = await db.$queryRaw<
      Array<{ migration_name: string; finished_at: Date | null }>
    >`select migration_name, finished_at from _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(rows.map((r) => r.migration_name)).toContain("20261124195610_init");
  });
});
