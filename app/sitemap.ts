import type { MetadataRoute } from "next";
import { appUrl } from "@/env";
import { getVendorSlugs } from "@/lib/data/cached";

// Rendered per request from cached reads: a build-time prerender would freeze whatever database
// the build saw. The reads themselves are cached and revalidated by tag, so this costs no query.
export const dynamic = "force-dynamic";

/** Every enabled vendor (about 1,250 today; one sitemap holds up to 50,000 URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = appUrl();
  const vendors = await getVendorSlugs();
  return [
    { url: `${base}/`, changeFrequency: "hourly", priority: 1 },
    { url: `${base}/vendors`, changeFrequency: "daily", priority: 0.8 },
    { url: `${base}/status`, changeFrequency: "always", priority: 0.8 },
    ...vendors.map((v) => ({
      url: `${base}/vendors/${encodeURIComponent(v.slug)}`,
      ...(v.lastChangedAt ? { lastModified: v.lastChangedAt } : {}),
      changeFrequency: "hourly" as const,
      priority: 0.6,
    })),
  ];
}
