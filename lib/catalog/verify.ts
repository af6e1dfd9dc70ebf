import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findLogo } from "@/lib/logos";
import { retarget } from "@/lib/monitor/poll-state";
import { mapPool } from "@/lib/monitor/sweep";
import { defaultFetcher } from "@/lib/net/fetch";
import { type Fetcher, ProviderError, detectProvider, pollProvider } from "@/lib/providers";
import { pageBase } from "@/lib/providers/poll";

export const verifySelect = {
  id: true,
  slug: true,
  statusPageUrl: true,
  provider: true,
  apiEndpoint: true,
  timeZone: true,
  logoUrl: true,
} satisfies Prisma.VendorSelect;
type Verifiable = Prisma.VendorGetPayload<{ select: typeof verifySelect }>;

export interface VerifyResult {
  slug: string;
  ok: boolean;
  /** What answered (provider, endpoint, what it held), or why nothing did. */
  answer: string;
  provider: string | null;
  endpoint: string | null;
  previousProvider: string | null;
  previousEndpoint: string | null;
  /** The provider or its endpoint differs from what was stored, and was updated. */
  changed: boolean;
  logoUrl: string | null;
}

function describe(error: unknown): string {
  if (!(error instanceof ProviderError)) return error instanceof Error ? error.message : String(error);
  const message = error.message.startsWith(error.kind) ? error.message : `${error.kind}: ${error.message}`;
  return error.tried?.length && !message.includes("tried") ? `${message} (tried ${error.tried.join(", ")})` : message;
}

async function discoverLogo(statusPageUrl: string, fetcher: Fetcher): Promise<string | null> {
  try {
    const page = await fetcher(pageBase(statusPageUrl).href, { headers: { accept: "text/html" } });
    return findLogo(page.body, page.url);
  } catch {
    return null;
  }
}

/**
 * Re-detects a vendor's provider from its page, reads the endpoint once to prove it answers, and
 * records what answered. A vendor whose provider or endpoint changed is re-read in full on its
 * next poll (validators and content hash dropped). A failure is recorded and changes nothing else.
 */
export async function verifyVendor(vendor: Verifiable, fetcher: Fetcher = defaultFetcher()): Promise<VerifyResult> {
  const base = {
    slug: vendor.slug,
    previousProvider: vendor.provider,
    previousEndpoint: vendor.apiEndpoint,
  };
  const logoUrl = vendor.logoUrl ?? (await discoverLogo(vendor.statusPageUrl, fetcher));
  let result: VerifyResult;
  try {
    const found = await detectProvider(vendor.statusPageUrl, { fetcher });
    const outcome = await pollProvider(
      {
        statusPageUrl: vendor.statusPageUrl,
        provider: found.provider,
        endpoint: found.endpoint,
        timeZone: found.timeZone ?? vendor.timeZone,
      },
      { fetcher },
    );
    if (outcome.kind === "error") throw outcome.error;
    const what =
      outcome.kind === "snapshot"
        ? `${outcome.snapshot.components.length} components, ${outcome.snapshot.incidents.length} incidents, status ${outcome.snapshot.status}`
        : "not modified";
    const changed = found.provider !== vendor.provider || found.endpoint !== vendor.apiEndpoint;
    result = {
      ...base,
      ok: true,
      answer: `${found.provider} at ${found.endpoint ?? vendor.statusPageUrl}: ${what}`,
      provider: found.provider,
      endpoint: found.endpoint,
      changed,
      logoUrl,
    };
    await db.$transaction(async (tx) => {
      await tx.vendor.update({
        where: { id: vendor.id },
        data: { verifiedAt: new Date(), verifyResult: result.answer.slice(0, 1000), logoUrl },
      });
      if (changed)
        await retarget(
          vendor.id,
          { provider: found.provider, apiEndpoint: found.endpoint, timeZone: found.timeZone ?? vendor.timeZone },
          {},
          tx,
        );
    });
  } catch (error) {
    result = {
      ...base,
      ok: false,
      answer: describe(error),
      provider: vendor.provider,
      endpoint: vendor.apiEndpoint,
      changed: false,
      logoUrl,
    };
    await db.vendor.update({
      where: { id: vendor.id },
      data: { verifiedAt: new Date(), verifyResult: result.answer.slice(0, 1000), logoUrl },
    });
  }
  return result;
}

export type VerifyScope = { all: true } | { provider: string } | { pending: true };

/** Without a scope: vendors whose provider is unknown, or that are failing now. */
export function verifyWhere(scope: VerifyScope): Prisma.VendorWhereInput {
  if ("all" in scope) return {};
  if ("provider" in scope) return { provider: scope.provider === "unknown" ? null : scope.provider };
  return { OR: [{ provider: null }, { consecutiveFailures: { gt: 0 } }] };
}

export async function verifyVendors(
  scope: VerifyScope,
  opts: { concurrency: number; fetcher?: Fetcher; onProgress?: (done: number, total: number) => void },
): Promise<VerifyResult[]> {
  const vendors = await db.vendor.findMany({
    where: verifyWhere(scope),
    select: verifySelect,
    orderBy: { slug: "asc" },
  });
  let done = 0;
  opts.onProgress?.(0, vendors.length);
  return mapPool(vendors, opts.concurrency, async (v) => {
    const r = await verifyVendor(v, opts.fetcher);
    opts.onProgress?.(++done, vendors.length);
    return r;
  });
}
