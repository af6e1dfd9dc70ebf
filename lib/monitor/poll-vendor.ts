import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Change } from "@/lib/monitor/changes";
import { diffSnapshot } from "@/lib/monitor/diff";
import { monitorFetcher } from "@/lib/monitor/poll-fetcher";
import type { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { ConcurrentPollError, commitPoll } from "@/lib/monitor/persist";
import { loadStoredState } from "@/lib/monitor/stored-state";
import { type Fetcher, ProviderError, type Validators, detectProvider, pollProvider } from "@/lib/providers";
import { PROVIDER_IDS, type ProviderId, type Snapshot } from "@/lib/providers/types";

export const pollableVendorSelect = {
  id: true,
  slug: true,
  name: true,
  statusPageUrl: true,
  provider: true,
  apiEndpoint: true,
  timeZone: true,
  contentHash: true,
  fetchValidators: true,
  lastSuccessAt: true,
} satisfies Prisma.VendorSelect;
export type PollableVendor = Prisma.VendorGetPayload<{ select: typeof pollableVendorSelect }>;

export type PollResult =
  | { vendorId: string; slug: string; outcome: "unchanged" }
  | { vendorId: string; slug: string; outcome: "changed"; changes: Change[]; baseline: boolean }
  | { vendorId: string; slug: string; outcome: "failed"; error: string };

/** Content hash of a snapshot in a canonical order, so equal data always hashes equal. */
export function snapshotHash(s: Snapshot): string {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const canonical = { ...s, incidents: byId(s.incidents), maintenances: byId(s.maintenances) };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

const isProviderId = (p: string | null): p is ProviderId =>
  p !== null && (PROVIDER_IDS as readonly string[]).includes(p);

async function ensureProvider(
  vendor: PollableVendor,
  fetcher?: Fetcher,
): Promise<PollableVendor & { provider: ProviderId }> {
  if (isProviderId(vendor.provider)) return { ...vendor, provider: vendor.provider };
  // Catalog rows without a known provider are detected on first poll, and the result remembered.
  const found = await detectProvider(vendor.statusPageUrl, { fetcher });
  await db.vendor.update({
    where: { id: vendor.id },
    data: { provider: found.provider, apiEndpoint: found.endpoint, timeZone: found.timeZone ?? vendor.timeZone },
  });
  return {
    ...vendor,
    provider: found.provider,
    apiEndpoint: found.endpoint,
    timeZone: found.timeZone ?? vendor.timeZone,
  };
}

function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // Provider messages mostly start with their kind already ("unreachable: cannot resolve ...").
  return e instanceof ProviderError && !e.message.startsWith(e.kind) ? `${e.kind}: ${e.message}` : e.message;
}

/**
 * One poll of one vendor: fetch (conditional), and if the data changed, diff and commit it with
 * its events. Unchanged and failed polls only leave a heartbeat. A failure never touches a
 * status or an incident: the last good data stays, and the failure count grows.
 */
export async function pollVendor(
  vendor: PollableVendor,
  heartbeats: HeartbeatBuffer,
  opts: { fetcher?: Fetcher; now?: () => Date } = {},
): Promise<PollResult> {
  const now = opts.now ?? (() => new Date());
  const fetcher = opts.fetcher ?? monitorFetcher();
  const base = { vendorId: vendor.id, slug: vendor.slug };
  const fail = (error: unknown): PollResult => {
    const message = describeError(error);
    heartbeats.add({
      vendorId: vendor.id,
      checkedAt: now(),
      ok: false,
      error: message.slice(0, 500),
      validators: null,
    });
    return { ...base, outcome: "failed", error: message };
  };
  let target: PollableVendor & { provider: ProviderId };
  try {
    target = await ensureProvider(vendor, fetcher);
  } catch (error) {
    return fail(error);
  }
  const validators = (target.fetchValidators ?? {}) as Validators;
  const outcome = await pollProvider(
    {
      statusPageUrl: target.statusPageUrl,
      provider: target.provider,
      endpoint: target.apiEndpoint,
      timeZone: target.timeZone,
    },
    { validators: target.contentHash ? validators : {}, fetcher },
  );
  if (outcome.kind === "error") return fail(outcome.error);
  const checkedAt = now();
  const ok = (v: Validators) =>
    heartbeats.add({ vendorId: vendor.id, checkedAt, ok: true, error: null, validators: v as Prisma.InputJsonValue });
  if (outcome.kind === "unchanged") {
    ok(outcome.validators);
    return { ...base, outcome: "unchanged" };
  }
  const hash = snapshotHash(outcome.snapshot);
  if (hash === target.contentHash) {
    ok(outcome.validators);
    return { ...base, outcome: "unchanged" };
  }
  const stored = await loadStoredState(vendor.id, outcome.snapshot);
  const changes = diffSnapshot(stored, outcome.snapshot, {
    vendorId: vendor.id,
    // The stored state as of its last successful poll, so a page that comes back to an earlier
    // state (a component degraded again next week) makes new event keys instead of repeating old
    // ones, which the outbox would drop as duplicates. A replayed commit is refused by persist.
    stateKey: createHash("sha256")
      .update(`${target.contentHash ?? "baseline"}@${target.lastSuccessAt?.toISOString() ?? ""}`)
      .digest("hex"),
    now: checkedAt,
  });
  try {
    await commitPoll({
      vendor: target,
      snapshot: outcome.snapshot,
      changes,
      contentHash: hash,
      validators: outcome.validators,
      now: checkedAt,
    });
  } catch (error) {
    if (error instanceof ConcurrentPollError) return { ...base, outcome: "unchanged" };
    return fail(error);
  }
  return { ...base, outcome: "changed", changes, baseline: target.lastSuccessAt === null };
}
