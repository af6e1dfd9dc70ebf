import { db } from "@/lib/db";
import { LISTED_VENDOR } from "@/lib/data/listed";

/** Every listed vendor for the sitemap: slug and the last time its status changed. */
export async function listVendorSlugs(): Promise<Array<{ slug: string; lastChangedAt: string | null }>> {
  const rows = await db.vendor.findMany({
    where: LISTED_VENDOR,
    orderBy: { slug: "asc" },
    select: { slug: true, lastChangedAt: true },
  });
  return rows.map((r) => ({ slug: r.slug, lastChangedAt: r.lastChangedAt?.toISOString() ?? null }));
}
