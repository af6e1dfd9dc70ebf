import { NextResponse } from "next/server";
import { getVendorDetail } from "@/lib/data/cached";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  if (!detail) return NextResponse.json({ error: `no vendor "${slug}"` }, { status: 404 });
  // The uptime strip's per-day bars are for pages; the API keeps to the documented shape.
  const { lastError: _lastError, ...rest } = detail;
  return NextResponse.json({
    ...rest,
    vendor: { slug: detail.vendor.slug, name: detail.vendor.name, statusPageUrl: detail.vendor.statusPageUrl, provider: detail.vendor.provider, category: detail.vendor.category },
    components: detail.components.map(({ days: _days, ...c }) => c),
  });
}
