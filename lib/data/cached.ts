import { unstable_cache } from "next/cache";
import { loadVendorDetail } from "@/lib/data/vendor-detail";
import { listCategories, listVendors, siteCounts, type VendorListQuery } from "@/lib/data/vendor-list";

/**
 * Cached reads for pages and API routes. A poll that changes a vendor revalidates its tags
 * (see lib/monitor/invalidate.ts), so pages are served from cache yet fresh within seconds.
 * The time limits are a backstop for changes that arrive without an invalidation.
 */
export const vendorTag = (slug: string) => `vendor:${slug}`;
export const VENDORS_TAG = "vendors";

export function getVendorDetail(slug: string) {
  return unstable_cache(async () => loadVendorDetail(slug), ["vendor-detail", slug], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

export function getVendorList(query: VendorListQuery) {
  return unstable_cache(async () => listVendors(query), ["vendor-list", JSON.stringify(query)], { tags: [VENDORS_TAG], revalidate: 60 })();
}

export const getSiteCounts = unstable_cache(siteCounts, ["site-counts"], { tags: [VENDORS_TAG], revalidate: 30 });
export const getCategories = unstable_cache(listCategories, ["categories"], { tags: [VENDORS_TAG], revalidate: 3600 });
