import { readFile } from "node:fs/promises";
import path from "node:path";
import { type CatalogEntry, type ParsedCatalog, catalogFormat, parseCatalog } from "./entries";

export { parseCsv } from "./csv";
export { catalogProvider, type CatalogEntry, type ParsedCatalog, type RowProblem } from "./entries";

/** The curated vendor catalog shipped in prisma/catalog/vendors.csv (see its SOURCES.md). */
export const CATALOG_PATH = path.resolve("prisma/catalog/vendors.csv");

export type CatalogVendor = CatalogEntry;

/** Reads and validates a catalog file (CSV or JSON); throws UserError when the file itself is unusable. */
export async function readCatalogFile(file: string): Promise<ParsedCatalog> {
  const content = await readFile(file, "utf8");
  return parseCatalog(content, catalogFormat(file, content), path.basename(file));
}

/** The valid, distinct vendors of a catalog file (the shipped one by default). */
export async function loadCatalog(file = CATALOG_PATH): Promise<CatalogEntry[]> {
  return (await readCatalogFile(file)).entries;
}
