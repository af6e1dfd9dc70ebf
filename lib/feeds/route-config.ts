/**
 * Shared by the feed route handlers: rendered on first request, then served from Next's route
 * cache and revalidated through the vendor's cache tag (the cached reads they use carry it).
 */
export async function noStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

export const notFoundResponse = (slug: string) =>
  new Response(`No vendor "${slug}"\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
