import { db } from "@/lib/db";
import type { Status } from "@/lib/domain/vocabulary";
import { isStale } from "@/lib/data/staleness";

/** What a live page island needs every few seconds: one row, no history. */
export interface VendorLiveStatus {
  slug: string;
  status: Status;
  stale: boolean;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  /** Only when stale: why we could not check. */
  lastError: string | null;
  openIncidents: number;
}

export async function loadVendorStatus(slug: string, now = new Date()): Promise<VendorLiveStatus | null> {
  const v = await db.vendor.findUnique({
    where: { slug },
    select: {
      slug: true,
      status: true,
      lastCheckedAt: true,
      lastSuccessAt: true,
      lastError: true,
      consecutiveFailures: true,
      _count: { select: { incidents: { where: { resolvedAt: null } } } },
    },
  });
  if (!v) return null;
  const stale = isStale(v, now);
  return {
    slug: v.slug,
    status: v.status,
    stale,
    lastCheckedAt: v.lastCheckedAt?.toISOString() ?? null,
    lastSuccessAt: v.lastSuccessAt?.toISOString() ?? null,
    lastError: stale ? v.lastError : null,
    openIncidents: v._count.incidents,
  };
}
