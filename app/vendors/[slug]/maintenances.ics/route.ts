import { appUrl } from "@/env";
import { getVendorDetail } from "@/lib/data/cached";
import { buildIcal } from "@/lib/feeds/ical";
import { notFoundResponse } from "@/app/vendors/[slug]/feed-route";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  if (!detail) return notFoundResponse(slug);
  const body = buildIcal({
    vendor: detail.vendor,
    maintenances: detail.maintenances,
    baseUrl: appUrl(),
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${slug.replace(/[^a-z0-9-]/g, "")}-maintenance.ics"`,
    },
  });
}
