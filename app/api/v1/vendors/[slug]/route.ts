import { NextResponse } from "next/server";
import { getVendorDetail, getVendorStatus } from "@/lib/data/cached";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [detail, live] = await Promise.all([getVendorDetail(slug), getVendorStatus(slug)]);
  if (!detail || !live) return NextResponse.json({ error: `no vendor "${slug}"` }, { status: 404 });
  // The detail is invalidated only when a poll changes something; poll freshness (last checked,
  // stale) moves on every poll, so it comes from a read cached for seconds, not minutes.
  return NextResponse.json({
    vendor: {
      slug: detail.vendor.slug,
      name: detail.vendor.name,
      statusPageUrl: detail.vendor.statusPageUrl,
      provider: detail.vendor.provider,
      category: detail.vendor.category,
    },
    status: live.status,
    stale: live.stale,
    lastCheckedAt: live.lastCheckedAt,
    lastSuccessAt: live.lastSuccessAt,
    watchedSince: detail.watchedSince,
    components: detail.components,
    incidents: detail.incidents,
    maintenances: detail.maintenances,
  });
}
