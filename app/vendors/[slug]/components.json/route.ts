import { getVendorDetail, getVendorStrips } from "@/lib/data/cached";
import { notFoundResponse } from "@/app/vendors/[slug]/feed-route";
import type { VendorComponents } from "@/lib/data/vendor-detail";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

/** The rows of the vendor page's collapsed groups, fetched when a reader opens one. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [detail, strips] = await Promise.all([getVendorDetail(slug), getVendorStrips(slug)]);
  if (!detail || !strips) return notFoundResponse(slug);
  const body: VendorComponents = { components: detail.components, strips };
  return Response.json(body);
}
