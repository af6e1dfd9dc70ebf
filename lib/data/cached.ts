import { unstable_cache } from "next/cache";
import { VENDORS_TAG, vendorTag } from "@/lib/cache/tags";
import { isVendorSlug } from "@/lib/domain/slug";
import { listDownNow } from "@/lib/data/down-now";
import { loadIncidentDetail } from "@/lib/data/incident-detail";
import { loadReliability } from "@/lib/data/reliability";
import { listVendorSlugs } from "@/lib/data/sitemap";
import { loadVendorDetail, loadVendorStrips } from "@/lib/data/vendor-detail";
import { loadVendorFeed } from "@/lib/data/vendor-feed";
import { loadVendorStatus } from "@/lib/data/vendor-status";
import { listCategories, listVendors, siteCounts, type VendorListQuery } from "@/lib/data/vendor-list";
import { isStorableText } from "@/lib/text/storable";

/**
 * Cached reads for pages and API routes. A poll that changes a vendor revalidates its tags
 * (see lib/cache/invalidate.ts), so pages are served from cache yet fresh within seconds.
 * The time limits are a backstop for changes that arrive without an invalidation.
 *
 * Every entry is keyed by what a request names, so only what can exist is cached: a slug that
 * cannot be a vendor's is answered null without an entry (the server refuses unknown vendors
 * before Next; this is the same rule, for callers that did not come through it).
 */

export function getVendorDetail(slug: string) {
  if (!isVendorSlug(slug)) return Promise.resolve(null);
  return unstable_cache(async () => loadVendorDetail(slug), ["vendor-detail", slug], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

/** The uptime strips, a part of their own: only pages that draw strips read it. */
export function getVendorStrips(slug: string) {
  if (!isVendorSlug(slug)) return Promise.resolve(null);
  return unstable_cache(async () => loadVendorStrips(slug), ["vendor-strips", slug], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

/** Pages beyond this many are rare and are read directly rather than cached. */
const CACHED_LIST_PAGES = 20;

/**
 * Browsing the directory is cached; a search is not (its text is the caller's, one entry per
 * phrase), nor a category we do not have or a far page, so the entries are bounded by our data.
 */
export async function getVendorList(query: VendorListQuery) {
  const cacheable =
    !query.q &&
    (query.page ?? 1) <= CACHED_LIST_PAGES &&
    (!query.category || (await getCategories()).includes(query.category));
  if (!cacheable) return listVendors(query);
  return unstable_cache(async () => listVendors(query), ["vendor-list", JSON.stringify(query)], {
    tags: [VENDORS_TAG],
    revalidate: 60,
  })();
}

export const getSiteCounts = unstable_cache(siteCounts, ["site-counts"], { tags: [VENDORS_TAG], revalidate: 30 });
export const getCategories = unstable_cache(listCategories, ["categories"], { tags: [VENDORS_TAG], revalidate: 3600 });

export function getVendorReliability(slug: string) {
  if (!isVendorSlug(slug)) return Promise.resolve(null);
  return unstable_cache(async () => loadReliability(slug), ["vendor-reliability", slug], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

export function getIncidentDetail(slug: string, incidentId: string) {
  if (!isVendorSlug(slug) || !isStorableText(incidentId)) return Promise.resolve(null);
  return unstable_cache(async () => loadIncidentDetail(slug, incidentId), ["incident-detail", slug, incidentId], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

export function getVendorFeed(slug: string) {
  if (!isVendorSlug(slug)) return Promise.resolve(null);
  return unstable_cache(async () => loadVendorFeed(slug), ["vendor-feed", slug], {
    tags: [vendorTag(slug)],
    revalidate: 300,
  })();
}

/**
 * The live islands' poll target. A poll that changes nothing does not revalidate tags (it only
 * writes a heartbeat), so this entry expires on its own after 15 s to keep "last checked" and
 * staleness honest: at most one cheap row read per vendor per 15 s, however many tabs are open.
 */
export function getVendorStatus(slug: string) {
  if (!isVendorSlug(slug)) return Promise.resolve(null);
  return unstable_cache(async () => loadVendorStatus(slug), ["vendor-status", slug], {
    tags: [vendorTag(slug)],
    revalidate: 15,
  })();
}

export const getDownNow = unstable_cache(async () => listDownNow(), ["down-now"], {
  tags: [VENDORS_TAG],
  revalidate: 30,
});
export const getVendorSlugs = unstable_cache(listVendorSlugs, ["vendor-slugs"], {
  tags: [VENDORS_TAG],
  revalidate: 3600,
});
