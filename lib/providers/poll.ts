import { createHash } from "node:crypto";
import { defaultFetcher, FetchError, type Fetcher } from "../net/fetch";
import { ProviderError, toProviderError } from "./errors";
import type { Bodies, Resource } from "./provider";
import { getProvider } from "./registry";
import type { ProviderId, Snapshot } from "./types";

export type Validators = Record<string /* url */, { etag?: string; lastModified?: string; hash: string }>;

export interface PollTarget {
  statusPageUrl: string;
  provider: ProviderId;
  endpoint?: string | null;
  /** Zone for naive timestamps (Cachet); Statuspal carries its own. */
  timeZone?: string | null;
}

export type PollOutcome =
  | { kind: "unchanged"; validators: Validators }
  | { kind: "snapshot"; snapshot: Snapshot; validators: Validators }
  | { kind: "error"; error: ProviderError };

export interface PollOptions {
  validators?: Validators;
  fetcher?: Fetcher;
  signal?: AbortSignal;
}

interface Got {
  r: Resource;
  body?: string;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  hash: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Status page URL without query, hash or trailing slash: the base every endpoint hangs off. */
export function pageBase(statusPageUrl: string): URL {
  let u: URL;
  try {
    u = new URL(statusPageUrl);
  } catch {
    throw new ProviderError("blocked", `invalid URL: ${statusPageUrl}`, { url: statusPageUrl });
  }
  u.search = "";
  u.hash = "";
  u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  return u;
}

async function get(
  fetcher: Fetcher,
  r: Resource,
  prev: Validators[string] | undefined,
  signal?: AbortSignal,
): Promise<Got> {
  const headers: Record<string, string> = {};
  if (prev?.etag) headers["if-none-match"] = prev.etag;
  if (prev?.lastModified) headers["if-modified-since"] = prev.lastModified;
  try {
    const res = await fetcher(r.url, { headers, signal });
    if (res.status === 304) {
      if (!prev)
        throw new ProviderError("http_error", `http error: ${r.url} answered 304 to an unconditional request`, {
          url: r.url,
          status: 304,
        });
      return {
        r,
        notModified: true,
        etag: res.headers.etag ?? prev.etag,
        lastModified: res.headers["last-modified"] ?? prev.lastModified,
        hash: prev.hash,
      };
    }
    return {
      r,
      body: res.body,
      notModified: false,
      etag: res.headers.etag,
      lastModified: res.headers["last-modified"],
      hash: sha256(res.body),
    };
  } catch (err) {
    // Optional extras (incidents.json, Cachet groups) may simply not exist on a page.
    if (
      r.optional &&
      err instanceof FetchError &&
      err.kind === "http_error" &&
      err.status !== undefined &&
      err.status < 500
    ) {
      return { r, notModified: false, hash: `absent:${err.status}` };
    }
    throw err;
  }
}

function validatorsOf(got: Got[]): Validators {
  const out: Validators = {};
  for (const g of got) {
    const v: Validators[string] = { hash: g.hash };
    if (g.etag) v.etag = g.etag;
    if (g.lastModified) v.lastModified = g.lastModified;
    out[g.r.url] = v;
  }
  return out;
}

/**
 * One poll: conditional GETs for every resource; "unchanged" when nothing moved. When anything
 * moved, resources that answered 304 are refetched unconditionally, so we never cache bodies.
 */
export async function pollProvider(target: PollTarget, opts: PollOptions = {}): Promise<PollOutcome> {
  let current = "";
  try {
    const provider = getProvider(target.provider);
    const base = pageBase(target.statusPageUrl);
    const resources = provider.resources(base, target.endpoint ?? null);
    const fetcher = opts.fetcher ?? defaultFetcher();
    const prev = opts.validators ?? {};
    let got = await Promise.all(resources.map((r) => get(fetcher, r, prev[r.url], opts.signal)));
    if (got.every((g) => g.notModified || g.hash === prev[g.r.url]?.hash)) {
      return { kind: "unchanged", validators: validatorsOf(got) };
    }
    got = await Promise.all(got.map((g) => (g.notModified ? get(fetcher, g.r, undefined, opts.signal) : g)));
    const bodies: Bodies = {};
    for (const g of got) if (g.body !== undefined) bodies[g.r.key] = g.body;
    current = got[0]?.r.url ?? "";
    const baseUrl = base.href.replace(/\/+$/, "");
    const snapshot = provider.parse(bodies, { baseUrl, timeZone: target.timeZone });
    return { kind: "snapshot", snapshot, validators: validatorsOf(got) };
  } catch (err) {
    return { kind: "error", error: toProviderError(err, current || undefined) };
  }
}
