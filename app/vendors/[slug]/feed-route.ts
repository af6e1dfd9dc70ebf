import { appUrl } from "@/env";
import { getVendorFeed } from "@/lib/data/cached";
import type { FeedInput } from "@/lib/feeds/types";

/**
 * Shared by the feed route handlers: rendered on first request, then served from Next's route
 * cache and revalidated through the vendor's cache tag (the cached reads they use carry it).
 */
export async function noStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

export const notFoundResponse = (slug: string) =>
  new Response(`No vendor "${slug}"\n`, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/** One feed route: the vendor's cached feed data through a pure builder, or a 404. */
export function feedRoute(build: (input: FeedInput) => string, contentType: string) {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
    const { slug } = await params;
    const feed = await getVendorFeed(slug);
    if (!feed) return notFoundResponse(slug);
    return new Response(build({ ...feed, baseUrl: appUrl(), now: new Date() }), {
      headers: { "content-type": `${contentType}; charset=utf-8` },
    });
  };
}
