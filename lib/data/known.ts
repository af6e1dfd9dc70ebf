import { db } from "@/lib/db";

/**
 * Existence checks the server asks before a vendor address reaches Next: one unique-index read
 * each, selecting nothing but the id.
 */
export async function vendorExists(slug: string): Promise<boolean> {
  return (await db.vendor.findUnique({ where: { slug }, select: { id: true } })) !== null;
}

/** By the vendor's slug and the provider's incident id: the (vendorId, providerId) unique index. */
export async function incidentExists(slug: string, providerId: string): Promise<boolean> {
  return (await db.incident.findFirst({ where: { providerId, vendor: { slug } }, select: { id: true } })) !== null;
}
