import { CATALOG_PATH, readCatalogFile } from "@/lib/catalog";
import { importCatalog } from "@/lib/catalog/import";

/**
 * Loads the shipped vendor catalog: the same import as `vendorwatch vendors import`. Idempotent:
 * creates missing vendors and brings catalog fields of existing ones up to date, never touching
 * poll state, history, or the page of a vendor a user added.
 */
export async function seedCatalog(file = CATALOG_PATH): Promise<{ created: number; updated: number; total: number }> {
  const report = await importCatalog(await readCatalogFile(file));
  return { created: report.added, updated: report.updated, total: report.total };
}
