import { aws } from "./aws";
import { betterstack } from "./betterstack";
import { cachet } from "./cachet";
import { gcp } from "./gcp";
import { heroku } from "./heroku";
import { incidentio } from "./incidentio";
import { instatus } from "./instatus";
import type { Provider } from "./provider";
import { rss } from "./rss";
import { slack } from "./slack";
import { statusio } from "./statusio";
import { statuspage } from "./statuspage";
import { statuspal } from "./statuspal";
import type { ProviderId } from "./types";

/** Ordered: host matching walks this list; the generic feed parser comes last. */
export const providers: readonly Provider[] = [
  statuspage,
  incidentio,
  instatus,
  betterstack,
  statusio,
  statuspal,
  cachet,
  gcp,
  aws,
  slack,
  heroku,
  rss,
];

const byId = new Map(providers.map((p) => [p.id, p]));
export function getProvider(id: ProviderId): Provider {
  const p = byId.get(id);
  if (!p) throw new Error(`no provider module for ${id}`);
  return p;
}
