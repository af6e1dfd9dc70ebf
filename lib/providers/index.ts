/**
 * Public surface of the provider layer: detection, one poll, pure parsing, the registry.
 * Adding a provider: a module exporting a `Provider`, listed in registry.ts, with a fixture test.
 */
import { getProvider } from "./registry";
import type { Bodies, ParseContext } from "./provider";
import type { ProviderId, Snapshot } from "./types";

export { detectProvider, type Detection, type DetectOptions } from "./detect";
export { ProviderError, PROVIDER_ERROR_KINDS, type ProviderErrorKind } from "./errors";
export { pollProvider, type PollOptions, type PollOutcome, type PollTarget, type Validators } from "./poll";
export { ParseError, type Bodies, type ParseContext, type Provider, type Resource } from "./provider";
export { getProvider, providers } from "./registry";
export type { Fetcher } from "../net/fetch";

/**
 * Pure parse (bench and tests). `bodies` is either the provider's one body, or bodies keyed by
 * resource key (statuspage: summary/components/incidents/maintenances; incidentio: proxy/
 * proxyIncidents or the statuspage keys; cachet: components/groups/incidents).
 */
export function parsePayload(provider: ProviderId, bodies: string | Bodies, ctx: ParseContext = {}): Snapshot {
  const p = getProvider(provider);
  if (typeof bodies !== "string") return p.parse(bodies, ctx);
  const key = p.resources(new URL("http://placeholder.invalid/"), null)[0]?.key ?? "body";
  return p.parse({ [key]: bodies }, ctx);
}
