import { db } from "@/lib/db";
import { IMPACT_SEVERITY, STATUS_SEVERITY, type Impact, type Status } from "@/lib/domain/vocabulary";
import { isStale } from "@/lib/data/staleness";

const DEGRADED: Status[] = ["degraded", "partial_outage", "major_outage"];

export interface DownVendor {
  slug: string;
  name: string;
  status: Status;
  stale: boolean;
  lastCheckedAt: string | null;
  incidents: Array<{ id: string; title: string; impact: Impact; startedAt: string }>;
}

/**
 * Most severe first: by the worse of the vendor's status and its worst open incident's impact
 * (a critical incident on a page that still says "operational" is still an outage), then by the
 * vendor's own status, then by how long it has lasted, then by name so the order is stable.
 */
export function rankDownVendors(vendors: DownVendor[]): DownVendor[] {
  const severity = (v: DownVendor) =>
    Math.max(STATUS_SEVERITY[v.status], ...v.incidents.map((i) => IMPACT_SEVERITY[i.impact]));
  const since = (v: DownVendor) =>
    Math.min(...v.incidents.map((i) => Date.parse(i.startedAt)), Number.POSITIVE_INFINITY);
  return [...vendors].sort(
    (a, b) =>
      severity(b) - severity(a) ||
      STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] ||
      since(a) - since(b) ||
      a.name.localeCompare(b.name),
  );
}

/** Every enabled vendor with an open incident or a degraded, partial or major outage status. */
export async function listDownNow(now = new Date()): Promise<DownVendor[]> {
  const rows = await db.vendor.findMany({
    where: { enabled: true, OR: [{ status: { in: DEGRADED } }, { incidents: { some: { resolvedAt: null } } }] },
    select: {
      slug: true,
      name: true,
      status: true,
      lastCheckedAt: true,
      lastSuccessAt: true,
      consecutiveFailures: true,
      incidents: {
        where: { resolvedAt: null },
        orderBy: { startedAt: "desc" },
        take: 5,
        select: { providerId: true, title: true, impact: true, startedAt: true },
      },
    },
  });
  return rankDownVendors(
    rows.map((v) => ({
      slug: v.slug,
      name: v.name,
      status: v.status,
      stale: isStale(v, now),
      lastCheckedAt: v.lastCheckedAt?.toISOString() ?? null,
      incidents: v.incidents.map((i) => ({
        id: i.providerId,
        title: i.title,
        impact: i.impact,
        startedAt: i.startedAt.toISOString(),
      })),
    })),
  );
}
