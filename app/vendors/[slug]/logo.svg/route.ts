import { getVendorDetail } from "@/lib/data/cached";
import { initialsAvatarSvg } from "@/lib/logos";
import { notFoundResponse } from "@/app/vendors/[slug]/feed-route";

export const dynamic = "force-static";
export const revalidate = 3600;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

/**
 * The vendor's logo at one stable URL (feeds, structured data, emails): a redirect to the vendor's
 * own logo or favicon when we know it, otherwise a generated initials avatar.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  if (!detail) return notFoundResponse(slug);
  const { logoUrl, name } = detail.vendor;
  if (logoUrl && /^https:\/\//.test(logoUrl)) return Response.redirect(logoUrl, 302);
  return new Response(initialsAvatarSvg(name), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
