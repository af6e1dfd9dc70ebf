import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STATUSES, type Status } from "@/lib/domain/vocabulary";
import { LISTED_VENDOR } from "@/lib/data/listed";
import { STALE_AFTER_FAILURES, isStale } from "@/lib/data/staleness";
import { isStorableText } from "@/lib/text/storable";

export const PAGE_SIZE = 50;

export interface VendorListQuery {
  q?: string;
  status?: Status;
  category?: string;
  page?: number;
}

export function parseStatus(value: string | null | undefined): Status | undefined {
  return value && (STATUSES as readonly string[]).includes(value) ? (value as Status) : undefined;
}

/** `GET /api/v1/vendors` and the directory: search by name, filter by category and status. */
export async function listVendors(query: VendorListQuery) {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  // Text the database cannot hold matches no vendor; sent, it would fail the query.
  if (![query.q, query.category].every((v) => v === undefined || isStorableText(v)))
    return { vendors: [], page, pageSize: PAGE_SIZE, total: 0 };
  const where: Prisma.VendorWhereInput = {
    AND: [LISTED_VENDOR],
    ...(query.q
      ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { slug: { contains: query.q.toLowerCase() } }] }
      : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
  };
  const [rows, total] = await Promise.all([
    db.vendor.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        slug: true,
        name: true,
        status: true,
        category: true,
        consecutiveFailures: true,
        lastSuccessAt: true,
        lastCheckedAt: true,
      },
    }),
    db.vendor.count({ where }),
  ]);
  return {
    vendors: rows.map((v) => ({
      slug: v.slug,
      name: v.name,
      status: v.status,
      category: v.category,
      stale: isStale(v),
    })),
    page,
    pageSize: PAGE_SIZE,
    total,
  };
}

export async function listCategories(): Promise<string[]> {
  const rows = await db.vendor.findMany({
    where: { category: { not: null } },
    distinct: ["category"],
    select: { category: true },
    orderBy: { category: "asc" },
  });
  return rows.map((r) => r.category).filter((c): c is string => Boolean(c));
}

export async function siteCounts() {
  const [monitored, withIncident, stale] = await Promise.all([
    db.vendor.count({ where: LISTED_VENDOR }),
    db.vendor.count({ where: { ...LISTED_VENDOR, incidents: { some: { resolvedAt: null } } } }),
    db.vendor.count({ where: { ...LISTED_VENDOR, consecutiveFailures: { gte: STALE_AFTER_FAILURES } } }),
  ]);
  return { monitored, withIncident, stale };
}
