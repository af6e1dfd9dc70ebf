/**
 * Names of the cache tags that pages and API reads are stored under, and that a poll which
 * changed a vendor revalidates. Built and parsed only here.
 */
const VENDOR_PREFIX = "vendor:";

/** Everything shown about one vendor: its page, API detail, feeds, badge, live status. */
export const vendorTag = (slug: string) => `${VENDOR_PREFIX}${slug}`;

/** Cross-vendor lists and counts: directory, home, sitemap, "down right now". */
export const VENDORS_TAG = "vendors";

/** The tags to revalidate after these vendors changed. */
export const tagsForVendors = (slugs: Iterable<string>) => [...new Set(slugs)].map(vendorTag).concat(VENDORS_TAG);

/** The vendor slug a tag names, or null for other tags. */
export const vendorSlugOfTag = (tag: string): string | null =>
  tag.startsWith(VENDOR_PREFIX) ? tag.slice(VENDOR_PREFIX.length) : null;
