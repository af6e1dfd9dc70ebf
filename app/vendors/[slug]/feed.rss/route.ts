import { appUrl } from "@/env";
import { getVendorFeed } from "@/lib/data/cached";
import { buildRss } from "@/lib/feeds/rss";
import { notFoundResponse } from "@/lib/feeds/route-config";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/lib/feeds/route-config";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const feed = await getVendorFeed(slug);
  if (!feed) return notFoundResponse(slug);
  return new Response(buildRss({ ...feed, baseUrl: appUrl(), now: new Date() }), {
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  });
}
