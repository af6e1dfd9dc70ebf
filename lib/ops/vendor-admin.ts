import { verifySelect, verifyVendor } from "@/lib/catalog/verify";
import { db } from "@/lib/db";
import { pollableVendorSelect, retarget, setPolling } from "@/lib/monitor/poll-state";
import { pollVendors } from "@/lib/monitor/sweep";
import { PROVIDER_IDS } from "@/lib/providers/types";

/**
 * What the operator console's actions do, one function each (the console checks the admin, then
 * calls one of these). Each answers a sentence for the console to show.
 */
export class AdminActionError extends Error {
  override name = "AdminActionError";
}

async function vendorOf(slug: string) {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!vendor) throw new AdminActionError(`no vendor "${slug}"`);
  return vendor;
}

export async function setVendorEnabled(slug: string, enabled: boolean): Promise<string> {
  const vendor = await vendorOf(slug);
  await setPolling(vendor.id, enabled);
  return enabled ? `${vendor.name} is enabled and polled next.` : `${vendor.name} is disabled: it is not polled.`;
}

/**
 * Sets the provider (or `auto`: detect it on the next poll) and the API endpoint (empty: the
 * provider's default). The next poll reads everything afresh.
 */
export async function setVendorProvider(slug: string, provider: string, endpoint: string): Promise<string> {
  const vendor = await vendorOf(slug);
  if (provider !== "auto" && !(PROVIDER_IDS as readonly string[]).includes(provider))
    throw new AdminActionError(`unknown provider "${provider}"`);
  const apiEndpoint = endpoint.trim() || null;
  if (apiEndpoint && !(URL.canParse(apiEndpoint) && /^https?:$/.test(new URL(apiEndpoint).protocol)))
    throw new AdminActionError("the API endpoint must be an http(s) URL");
  await retarget(vendor.id, { provider: provider === "auto" ? null : provider, apiEndpoint }, { pollNow: true });
  return `${vendor.name}: provider ${provider === "auto" ? "detected on the next poll" : provider}, endpoint ${apiEndpoint ?? "the provider's default"}.`;
}

export async function redetectVendor(slug: string): Promise<string> {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: verifySelect });
  if (!vendor) throw new AdminActionError(`no vendor "${slug}"`);
  const r = await verifyVendor(vendor);
  if (!r.ok) return `Re-detection failed: ${r.answer}`;
  return r.changed ? `Re-detected: ${r.answer} (was ${r.previousProvider ?? "unknown"}).` : `Confirmed: ${r.answer}.`;
}

export async function pollVendorNow(slug: string): Promise<string> {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: pollableVendorSelect });
  if (!vendor) throw new AdminActionError(`no vendor "${slug}"`);
  const [r] = await pollVendors([vendor], { concurrency: 1 });
  if (!r) return "Nothing was polled.";
  if (r.outcome === "failed") return `Polled: failed: ${r.error}`;
  if (r.outcome === "changed") return `Polled: ${r.changes.length} change${r.changes.length === 1 ? "" : "s"} stored.`;
  return "Polled: nothing changed.";
}

/**
 * A failed delivery goes back to the senders with a fresh set of attempts (its attempt log is
 * kept); an email leaves its failed batch so that it forms a new one.
 */
export async function retryDelivery(id: string): Promise<string> {
  const { count } = await db.notificationDelivery.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), batchId: null },
  });
  if (!count) throw new AdminActionError("that delivery is not failed (any more)");
  return "The delivery is queued again.";
}

/** Change events waiting for fan-out are announced again (their fan-out is idempotent). */
export async function redispatchPendingEvents(): Promise<string> {
  const { count } = await db.notificationOutbox.updateMany({
    where: { status: "pending", dispatchedAt: { not: null } },
    data: { dispatchedAt: null },
  });
  return count ? `${count} pending change events will be dispatched again.` : "No change event was waiting.";
}
