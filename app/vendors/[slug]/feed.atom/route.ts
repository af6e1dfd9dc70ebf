import { appUrl } from "@/env";
import { getVendorFeed } from "@/lib/data/cached";
import { buildAtom } from "@/lib/feeds/atom";
import { notFoundResponse } from "@/lib/feeds/route-config";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/lib/feeds/route-config";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const feed = await getVendorFeed(slug);
  if (!feed) return notFoundResponse(slug);
  return new Response(buildAtom({ ...feed, baseUrl: appUrl(), now: new Date() }), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
