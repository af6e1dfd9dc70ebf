import { UserError } from "@/lib/errors";
import { InvalidInputError, PlanLimitError, RateLimitedError } from "@/lib/data/errors";
import { planUsage } from "@/lib/data/my-subscriptions";
import { followVendor } from "@/lib/data/subscriptions";
import { NotAStatusPageError, VendorExistsError, addVendor, findVendorByUrl } from "@/lib/monitor/add-vendor";
import { normaliseStatusUrl } from "@/lib/monitor/vendor-names";
import { nextPlan } from "@/lib/plans";
import { ADD_VENDOR_PER_USER, hit } from "@/lib/rate-limit";
import type { Fetcher } from "@/lib/providers";

const FORMAT_NAMES: Record<string, string> = {
  incidentio: "incident.io",
  statuspage: "Atlassian Statuspage",
  instatus: "Instatus",
  betterstack: "Better Stack",
  html: "the page itself",
  "statusio/statuspage html": "status.io and Statuspage markers in the page",
  cachet: "Cachet",
  rss: "an RSS or Atom feed",
};

/** "statuspage (/api/v2/summary.json: 404)" -> "Atlassian Statuspage (/api/v2/summary.json: 404)". */
export function describeTried(tried: string[]): string {
  return tried
    .map((t) => {
      const m = /^(.+?) \((.*)\)$/.exec(t);
      return m?.[1] ? `${FORMAT_NAMES[m[1]] ?? m[1]} (${m[2]})` : t;
    })
    .join("; ");
}

/**
 * "Paste any status page URL" on the dashboard: a vendor we already know is simply followed; a new
 * page is detected, stored, polled once (lib/monitor/add-vendor.ts) and then followed. Each try
 * fetches someone else's server, so tries are rate-limited per user.
 */
export async function addVendorForUser(
  userId: string,
  rawUrl: string,
  opts: { fetcher?: Fetcher } = {},
): Promise<{ slug: string; name: string; created: boolean }> {
  let url: string;
  try {
    url = normaliseStatusUrl(rawUrl);
  } catch (error) {
    if (error instanceof UserError)
      throw new InvalidInputError(
        "That is not a web address. Paste the full address, like https://status.example.com.",
        "url",
      );
    throw error;
  }
  const { plan, count } = await planUsage(userId);
  const known = await findVendorByUrl(url);
  if (known) {
    await followVendor(userId, known.slug);
    return { slug: known.slug, name: known.name, created: false };
  }
  // No point reading a page the user could not follow anyway.
  if (count >= plan.vendorLimit) {
    const upgrade = nextPlan(plan);
    throw new PlanLimitError(
      plan.vendorLimit,
      count,
      plan.name,
      upgrade && { name: upgrade.name, vendorLimit: upgrade.vendorLimit },
    );
  }
  const allowed = await hit(ADD_VENDOR_PER_USER, userId);
  if (!allowed.ok)
    throw new RateLimitedError(
      `You added ${ADD_VENDOR_PER_USER.limit} status pages in the last hour. Try again in a while, or pick vendors from the catalog.`,
      allowed.resetAt,
    );
  try {
    const added = await addVendor({ url }, opts);
    await followVendor(userId, added.slug);
    return { slug: added.slug, name: added.name, created: true };
  } catch (error) {
    if (error instanceof VendorExistsError) {
      await followVendor(userId, error.vendor.slug);
      return { slug: error.vendor.slug, name: error.vendor.name, created: false };
    }
    if (error instanceof NotAStatusPageError) {
      const message = error.tried.length
        ? `We could not find a status page at ${url}. We tried: ${describeTried(error.tried)}.`
        : `We could not read ${url} as a status page: ${error.message}`;
      throw new InvalidInputError(message, "url");
    }
    throw error;
  }
}
