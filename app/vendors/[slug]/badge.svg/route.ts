import { getVendorDetail, getVendorStatus } from "@/lib/data/cached";
import { buildBadge } from "@/lib/feeds/badge";
import { notFoundResponse } from "@/app/vendors/[slug]/feed-route";

export const dynamic = "force-static";
// Badges are embedded elsewhere and say "not checked" when we fall behind: keep them short-lived.
export const revalidate = 60;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [detail, live] = await Promise.all([getVendorDetail(slug), getVendorStatus(slug)]);
  if (!detail || !live) return notFoundResponse(slug);
  return new Response(buildBadge({ name: detail.vendor.name, status: live.status, stale: live.stale }), {
    headers: { "content-type": "image/svg+xml; charset=utf-8" },
  });
}
