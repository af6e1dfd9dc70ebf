import { env } from "@/env";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { addedVendorPollState, pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendors } from "@/lib/monitor/sweep";
import { type Detection, type Fetcher, ProviderError, detectProvider } from "@/lib/providers";
import type { Status } from "@/lib/domain/vocabulary";
import type { ProviderId } from "@/lib/providers/types";
import { freeSlug, nameFromUrl, normaliseStatusUrl } from "@/lib/monitor/vendor-names";

/**
 * Adding a status page by URL, for the `vendors add` CLI and the dashboard alike: the providers
 * detect its format (every request through the SSRF guard), the vendor is stored, and the
 * scheduler's own poll takes the baseline at once. A page whose first poll fails is removed
 * again, so only vendors we could read ever reach the catalog.
 */
export interface AddVendorInput {
  url: string;
  name?: string;
  slug?: string;
  provider?: ProviderId;
  endpoint?: string;
}

export interface AddedVendor {
  id: string;
  slug: string;
  name: string;
  statusPageUrl: string;
  provider: string | null;
  endpoint: string | null;
  status: Status;
}

export class VendorExistsError extends UserError {
  constructor(
    readonly vendor: { id: string; slug: string; name: string },
    url: string,
  ) {
    super(`${url} is already monitored as "${vendor.name}" (${vendor.slug})`);
  }
}

/** A page we could not read, with what was tried, in words a user can act on. */
export class NotAStatusPageError extends UserError {
  constructor(
    message: string,
    readonly tried: string[],
  ) {
    super(message);
  }
}

export interface AddVendorOptions {
  /** Used for detection and the first poll (tests pass a fetcher of their own). */
  fetcher?: Fetcher;
}

function describe(error: ProviderError): string {
  return error.message.startsWith(error.kind) ? error.message : `${error.kind}: ${error.message}`;
}

const vendorSelect = { ...pollableVendorSelect, status: true } as const;
const toAdded = (v: {
  id: string;
  slug: string;
  name: string;
  statusPageUrl: string;
  provider: string | null;
  apiEndpoint: string | null;
  status: Status;
}): AddedVendor => ({
  id: v.id,
  slug: v.slug,
  name: v.name,
  statusPageUrl: v.statusPageUrl,
  provider: v.provider,
  endpoint: v.apiEndpoint,
  status: v.status,
});

export async function findVendorByUrl(url: string) {
  return db.vendor.findFirst({
    where: { statusPageUrl: { in: [url, `${url}/`] } },
    select: { id: true, slug: true, name: true },
  });
}

export async function addVendor(input: AddVendorInput, opts: AddVendorOptions = {}): Promise<AddedVendor> {
  const statusPageUrl = normaliseStatusUrl(input.url);
  const existing = await findVendorByUrl(statusPageUrl);
  if (existing) throw new VendorExistsError(existing, statusPageUrl);

  let detected: Detection;
  try {
    detected = input.provider
      ? { provider: input.provider, endpoint: input.endpoint ?? null, timeZone: null }
      : await detectProvider(statusPageUrl, { fetcher: opts.fetcher });
  } catch (error) {
    if (error instanceof ProviderError) throw new NotAStatusPageError(describe(error), error.tried ?? []);
    throw error;
  }
  const name = input.name?.trim() || detected.name || nameFromUrl(new URL(statusPageUrl));
  const slug = await freeSlug(input.slug, name);
  let vendor;
  try {
    vendor = await db.vendor.create({
      data: {
        slug,
        name,
        statusPageUrl,
        userAdded: true,
        ...addedVendorPollState(
          {
            provider: detected.provider,
            apiEndpoint: input.endpoint ?? detected.endpoint,
            timeZone: detected.timeZone,
          },
          env.POLL_INTERVAL_SECONDS,
        ),
      },
      select: vendorSelect,
    });
  } catch (error) {
    // Someone added the same page a moment ago.
    const raced = await findVendorByUrl(statusPageUrl);
    if (raced) throw new VendorExistsError(raced, statusPageUrl);
    throw error;
  }
  const [result] = await pollVendors([vendor], { concurrency: 1, fetcher: opts.fetcher });
  if (!result || result.outcome === "failed") {
    await db.vendor.delete({ where: { id: vendor.id } }).catch(() => undefined);
    const why = result?.outcome === "failed" ? result.error : "no answer";
    throw new NotAStatusPageError(
      `${statusPageUrl} looks like a ${detected.provider} page, but reading it failed: ${why}`,
      [],
    );
  }
  return toAdded(await db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, select: vendorSelect }));
}
