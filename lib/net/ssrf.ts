import { env } from "@/env";
import { cachedLookup } from "./dns-cache";
import { inPrefix, parseIPv4, parseIPv6 } from "./ip";

/**
 * SSRF guard. Status-page URLs come from users, so every address we connect to (after DNS and
 * after each redirect) must be a public unicast address.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SsrfOptions {
  /** Lifts the guard (tests against loopback, intranet status pages). */
  allowPrivateNetworks?: boolean;
  /** Exact addresses allowed even though private (one intranet server, or a loopback test origin). */
  allowAddresses?: readonly string[];
  /** Injected in tests so no real DNS is needed. */
  resolver?: Resolver;
}

/** VENDORWATCH_ALLOW_PRIVATE_NETWORKS=1 lifts the guard (tests, intranet status pages). */
export function allowPrivateNetworksDefault(): boolean {
  return env.VENDORWATCH_ALLOW_PRIVATE_NETWORKS;
}

export class BlockedAddressError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

type Range = readonly [prefix: number[], bits: number, label: string];

const V4_RANGES: readonly Range[] = [
  [[0, 0, 0, 0], 8, "unspecified/this-network"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "CGNAT"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local/metadata"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "IETF reserved"],
  [[192, 0, 2, 0], 24, "documentation"],
  [[192, 88, 99, 0], 24, "6to4 relay"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "benchmarking"],
  [[198, 51, 100, 0], 24, "documentation"],
  [[203, 0, 113, 0], 24, "documentation"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved/broadcast"],
];

const v6 = (s: string): number[] => parseIPv6(s) ?? [];
const V6_RANGES: readonly Range[] = [
  [v6("::"), 96, "unspecified/loopback/IPv4-compatible"],
  [v6("64:ff9b:1::"), 48, "local NAT64"],
  [v6("100::"), 64, "discard"],
  [v6("2001::"), 23, "IETF reserved"],
  [v6("2001:db8::"), 32, "documentation"],
  [v6("3fff::"), 20, "documentation"],
  [v6("5f00::"), 16, "SRv6"],
  [v6("fc00::"), 7, "unique-local"],
  [v6("fe80::"), 10, "link-local"],
  [v6("fec0::"), 10, "site-local"],
  [v6("ff00::"), 8, "multicast"],
];

function v4Reason(bytes: number[]): string | null {
  for (const [prefix, bits, label] of V4_RANGES) if (inPrefix(bytes, prefix, bits)) return label;
  return null;
}

/** Why an IP literal is refused, or null when it is a public unicast address. Non-IPs are refused. */
export function blockedReason(address: string): string | null {
  const v4 = /^[0-9a-fx.]+$/i.test(address) ? parseIPv4(address) : null;
  if (v4) return v4Reason(v4);
  const b = parseIPv6(address);
  if (!b) return "not an IP address";
  // Forms that carry an IPv4 address inside: judge the embedded address.
  if (inPrefix(b, v6("::ffff:0:0"), 96)) return v4Reason(b.slice(12));
  if (inPrefix(b, v6("64:ff9b::"), 96)) return v4Reason(b.slice(12));
  if (inPrefix(b, v6("2002::"), 16)) return v4Reason(b.slice(2, 6));
  for (const [prefix, bits, label] of V6_RANGES) if (inPrefix(b, prefix, bits)) return label;
  return null;
}

const systemResolver: Resolver = (hostname) => cachedLookup(hostname);

/** Strips URL brackets from IPv6 hosts. */
function bareHost(hostname: string): string {
  return hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
}

/**
 * Checks scheme and resolves the host, refusing when ANY answer is non-public (a mixed answer is
 * how DNS rebinding hides). Returns the checked addresses; connect only to one of them.
 */
export async function resolveSafely(url: URL, opts: SsrfOptions = {}): Promise<ResolvedAddress[]> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BlockedAddressError(`blocked scheme: ${url.protocol} (only http and https)`, url.href);
  }
  const allowPrivate = opts.allowPrivateNetworks ?? allowPrivateNetworksDefault();
  const host = bareHost(url.hostname);
  const literal = parseIPv6(host) ? 6 : /^[0-9.]+$/.test(host) ? 4 : 0;
  const addresses: ResolvedAddress[] = literal
    ? [{ address: host, family: literal }]
    : await (opts.resolver ?? systemResolver)(host);
  if (addresses.length === 0) throw new Error(`no addresses for ${host}`);
  if (allowPrivate) return addresses;
  for (const a of addresses) {
    if (opts.allowAddresses?.includes(a.address)) continue;
    const reason = blockedReason(a.address);
    if (reason) {
      const where = literal ? "is" : `resolves to ${a.address},`;
      throw new BlockedAddressError(`blocked address: ${url.href} ${where} a ${reason} network address`, url.href);
    }
  }
  return addresses;
}
