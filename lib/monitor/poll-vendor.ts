import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Change } from "@/lib/monitor/changes";
import { diffSnapshot } from "@/lib/monitor/diff";
import type { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { measuredFetcher } from "@/lib/monitor/measured-fetcher";
import { ConcurrentPollError, commitPoll } from "@/lib/monitor/persist";
import { monitorFetcher } from "@/lib/monitor/poll-fetcher";
import type { PollRunRecord } from "@/lib/monitor/poll-runs";
import { type PollableVendor, recordDetection } from "@/lib/monitor/poll-state";
import { loadStoredState } from "@/lib/monitor/stored-state";
import { type Fetcher, ProviderError, type Validators, detectProvider, pollProvider } from "@/lib/providers";
import { PROVIDER_IDS, type ProviderId, type Snapshot } from "@/lib/providers/types";

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
  const target = { provider: found.provider, apiEndpoint: found.endpoint, timeZone: found.timeZone ?? vendor.timeZone };
  await recordDetection(vendor.id, target);
  return { ...vendor, ...target };
}

function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // Provider messages mostly start with their kind already ("unreachable: cannot resolve ...").
  return e instanceof ProviderError && !e.message.startsWith(e.kind) ? `${e.kind}: ${e.message}` : e.message;
}

/**
 * One poll of one vendor: fetch (conditional), and if the data changed, diff and commit it with
 * its events and its run. Unchanged and failed polls leave a heartbeat and a run, written in the
 * next flush. A failure never touches a status or an incident: the last good data stays, and the
 * failure count grows.
 */
export async function pollVendor(
  vendor: PollableVendor,
  heartbeats: HeartbeatBuffer,
  opts: { fetcher?: Fetcher; now?: () => Date } = {},
): Promise<PollResult> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const started = performance.now();
  const measured = measuredFetcher(opts.fetcher ?? monitorFetcher());
  const fetcher = measured.fetcher;
  // Rounded up: a poll of a local page can take under a millisecond, but it took time.
  const run = (failure?: { status?: number }): Omit<PollRunRecord, "outcome" | "changeCount" | "error"> => ({
    vendorId: vendor.id,
    startedAt,
    durationMs: Math.max(1, Math.ceil(performance.now() - started)),
    ...measured.traffic(failure),
  });
  const base = { vendorId: vendor.id, slug: vendor.slug };
  const fail = (error: unknown): PollResult => {
    const message = describeError(error);
    heartbeats.record({
      ...run({ status: error instanceof ProviderError ? error.status : undefined }),
      outcome: "failed",
      changeCount: 0,
      error: message.slice(0, 500),
    });
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
  const unchanged = (v: Validators): PollResult => {
    const measuredRun = run();
    heartbeats.record({
      ...measuredRun,
      outcome: measuredRun.httpStatus === 304 ? "not_modified" : "unchanged",
      changeCount: 0,
      error: null,
    });
    heartbeats.add({ vendorId: vendor.id, checkedAt, ok: true, error: null, validators: v as Prisma.InputJsonValue });
    return { ...base, outcome: "unchanged" };
  };
  if (outcome.kind === "unchanged") return unchanged(outcome.validators);
  const hash = snapshotHash(outcome.snapshot);
  if (hash === target.contentHash) return unchanged(outcome.validators);
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
  const measuredRun = run();
  try {
    await commitPoll({
      vendor: target,
      snapshot: outcome.snapshot,
      changes,
      contentHash: hash,
      validators: outcome.validators,
      now: checkedAt,
      run: { ...measuredRun, error: null },
    });
  } catch (error) {
    if (error instanceof ConcurrentPollError) {
      // Another poll committed this content first; this one read the same page, and changed nothing.
      heartbeats.record({ ...measuredRun, outcome: "unchanged", changeCount: 0, error: null });
      return { ...base, outcome: "unchanged" };
    }
    return fail(error);
  }
  return { ...base, outcome: "changed", changes, baseline: target.lastSuccessAt === null };
}
