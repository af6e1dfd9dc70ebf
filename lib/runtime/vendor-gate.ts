import { isVendorSlug } from "@/lib/domain/slug";
import { Lru } from "@/lib/runtime/lru";
import { isStorableText } from "@/lib/text/storable";

/**
 * Vendor and incident addresses are answered by Next's route cache: whatever Next renders for a
 * path it keeps, on disk and in memory, 404s included. So every such path is checked here first,
 * and an address naming no vendor (or no incident) is refused before Next sees it. An unknown
 * slug costs one indexed read, a slug that cannot exist none; only positive answers are
 * remembered, in bounded memory, because the set of real vendors is ours and not the caller's.
 */
export interface KnownLookups {
  vendor(slug: string): Promise<boolean>;
  incident(slug: string, incidentId: string): Promise<boolean>;
}

/** How to say "not found" in the family the address belongs to. */
export type Refusal = { kind: "page" } | { kind: "json"; body: { error: string } } | { kind: "text"; body: string };

const VENDOR_PATH = /^\/(api\/v1\/)?vendors\/([^/]+)(?:\/(.*))?$/;
const INCIDENT_PATH = /^incidents\/([^/]+)\/?$/;
// Longer than any provider's incident id; a longer one is refused without a read.
const MAX_INCIDENT_ID = 500;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export class VendorGate {
  private readonly vendors: Lru<string, true>;
  private readonly incidents: Lru<string, true>;

  constructor(
    private readonly lookups: KnownLookups,
    { max = 20_000, ttlMs = 10 * 60_000 }: { max?: number; ttlMs?: number } = {},
  ) {
    this.vendors = new Lru(max, ttlMs);
    this.incidents = new Lru(max, ttlMs);
  }

  /**
   * null when the target is no vendor address (nothing to check). Otherwise a promise of the
   * refusal, or of null when the vendor (and the incident) exist and Next should answer.
   */
  check(target: string): Promise<Refusal | null> | null {
    const path = target.split("?", 1)[0] ?? "";
    const match = VENDOR_PATH.exec(path);
    if (!match) return null;
    return this.verdict(Boolean(match[1]), match[2] ?? "", match[3] ?? "");
  }

  stats() {
    return { vendors: this.vendors.size, incidents: this.incidents.size, max: this.vendors.max };
  }

  private async verdict(api: boolean, rawSlug: string, rest: string): Promise<Refusal | null> {
    const slug = decode(rawSlug);
    const incident = api ? null : INCIDENT_PATH.exec(rest);
    const refusal: Refusal = api
      ? { kind: "json", body: { error: `no vendor "${slug ?? rawSlug}"` } }
      : rest === "" || incident
        ? { kind: "page" }
        : { kind: "text", body: `No vendor "${slug ?? rawSlug}"\n` };
    if (slug === null) return refusal;
    // The API is case-sensitive; pages redirect an upper-case slug to its lower-case URL (proxy.ts).
    const canonical = api ? slug : slug.toLowerCase();
    if (!isVendorSlug(canonical) || !(await this.known(this.vendors, canonical, () => this.lookups.vendor(canonical))))
      return refusal;
    if (!incident) return null;
    const id = decode(incident[1] ?? "");
    if (id === null || id.length > MAX_INCIDENT_ID || !isStorableText(id)) return refusal;
    const key = `${canonical}/${id}`;
    return (await this.known(this.incidents, key, () => this.lookups.incident(canonical, id))) ? null : refusal;
  }

  private async known(memo: Lru<string, true>, key: string, lookup: () => Promise<boolean>): Promise<boolean> {
    if (memo.get(key)) return true;
    if (!(await lookup())) return false;
    memo.set(key, true);
    return true;
  }
}
