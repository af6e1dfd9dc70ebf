import { revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import { hasInternalSecret } from "@/lib/cache/invalidate";
import { VENDORS_TAG, vendorSlugOfTag } from "@/lib/cache/tags";
import { purgeSitePages, purgeVendorPages } from "@/lib/runtime/page-cache";

const body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(5000) });

/** Called by the poller (same machine) when a vendor changed: see lib/cache/invalidate.ts. */
export async function POST(request: Request) {
  if (!(await hasInternalSecret(request))) {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "expected { tags: string[] }" }, { status: 400 });
  // Expire at once: the next request renders fresh data instead of serving the stale page once.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  const slugs = parsed.data.tags.map(vendorSlugOfTag).filter((slug) => slug !== null);
  purgeVendorPages(slugs);
  if (!slugs.length && parsed.data.tags.includes(VENDORS_TAG)) purgeSitePages();
  return NextResponse.json({ revalidated: parsed.data.tags.length });
}
