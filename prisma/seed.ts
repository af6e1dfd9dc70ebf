import { loadCatalog } from "@/lib/catalog";
import { db } from "@/lib/db";

/**
 * Loads the vendor catalog. Idempotent: creates missing vendors and brings catalog fields of
 * existing ones up to date, never touching poll state, history or user-added vendors.
 */
export async function seedCatalog(): Promise<{ created: number; updated: number; total: number }> {
  const catalog = await loadCatalog();
  const existing = await db.vendor.findMany({
    select: { slug: true, name: true, statusPageUrl: true, provider: true, category: true, userAdded: true },
  });
  const bySlug = new Map(existing.map((v) => [v.slug, v]));
  const takenUrls = new Set(existing.map((v) => v.statusPageUrl));
  const toCreate = catalog.filter((v) => !bySlug.has(v.slug) && !takenUrls.has(v.statusPageUrl));
  await db.vendor.createMany({ data: toCreate, skipDuplicates: true });
  let updated = 0;
  for (const v of catalog) {
    const row = bySlug.get(v.slug);
    if (!row || row.userAdded) continue;
    const provider = row.provider ?? v.provider; // keep what detection found
    if (
      row.name === v.name &&
      row.statusPageUrl === v.statusPageUrl &&
      row.category === v.category &&
      row.provider === provider
    )
      continue;
    await db.vendor.update({
      where: { slug: v.slug },
      data: { name: v.name, statusPageUrl: v.statusPageUrl, category: v.category, provider },
    });
    updated++;
  }
  return { created: toCreate.length, updated, total: catalog.length };
}
