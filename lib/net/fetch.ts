import { PooledAgent } from "./agent";
import { decodeBody } from "./decode";
import { FetchError } from "./fetch-error";
import { HostLimiter } from "./host-limit";
import { requestOnce, type RawResponse } from "./request-once";
import { BlockedAddressError, resolveSafely, type SsrfOptions } from "./ssrf";

export { FetchError, type FetchErrorKind } from "./fetch-error";

export const USER_AGENT = "Vendorwatch/0.1 (+https://github.com/vendorwatch/vendorwatch)";

export interface FetchResponse {
  /** The URL that finally answered (after redirects). */
  url: string;
  status: number;
  headers: Record<string, string | undefined>;
  /** Decoded text; empty for 304. */
  body: string;
}

export interface FetchInit {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Answers 2xx or 304; throws FetchError for everything else. Injected by tests and the monitor. */
export type Fetcher = (url: string, init?: FetchInit) => Promise<FetchResponse>;

export interface FetcherOptions extends SsrfOptions {
  /** Whole call, including redirects, retries and backoff. */
  deadlineMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Extra attempts after the first, for network errors and 5xx only. */
  retries?: number;
  retryBaseMs?: number;
  /** Simultaneous requests per host:port. */
  perHostConcurrency?: number;
  /** Least time between two request starts to one host:port (a rate limit); 0 for none. */
  perHostMinIntervalMs?: number;
  /** Extra trusted CAs (PEM) beside Node's roots: a benchmark or test farm's own certificate. */
  ca?: string | readonly string[];
}

const DEFAULTS = {
  deadlineMs: 15_000,
  connectTimeoutMs: 5_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 300,
  perHostConcurrency: 4,
  perHostMinIntervalMs: 0,
};

const BASE_HEADERS: Readonly<Record<string, string>> = {
  "user-agent": USER_AGENT,
  accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  "accept-encoding": "gzip, deflate, br",
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function flatHeaders(raw: RawResponse["headers"]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const o = { ...DEFAULTS, ...options };
  const limiter = new HostLimiter(o.perHostConcurrency, o.perHostMinIntervalMs);
  const agent = new PooledAgent({
    connectTimeoutMs: o.connectTimeoutMs,
    connections: o.perHostConcurrency,
    ca: o.ca,
  });

  /** Follows redirects by hand so every hop's address is checked before connecting. */
  async function followRedirects(start: string, init: FetchInit, deadline: number): Promise<FetchResponse> {
    let url: URL;
    try {
      url = new URL(start);
    } catch {
      throw new FetchError("blocked", `invalid URL: ${start}`, start);
    }
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      let addresses;
      try {
        addresses = await resolveSafely(url, o);
      } catch (err) {
        if (err instanceof BlockedAddressError) throw new FetchError("blocked", err.message, url.href);
        throw new FetchError("unreachable", `unreachable: cannot resolve ${url.hostname}`, url.href);
      }
      const headers = init.headers ? { ...BASE_HEADERS, ...init.headers } : BASE_HEADERS;
      const target = url;
      const res = await limiter.run(url.host, () =>
        requestOnce(target, {
          agent,
          addresses,
          headers,
          deadline,
          maxBytes: o.maxBytes,
          signal: init.signal,
        }),
      );
      const headersOut = flatHeaders(res.headers);
      const location = headersOut.location;
      if (REDIRECTS.has(res.status) && location) {
        seen.add(url.href);
        const next = new URL(location, url);
        if (hop + 1 > o.maxRedirects || seen.has(next.href)) {
          throw new FetchError("http_error", `http error: too many redirects from ${start}`, next.href, res.status);
        }
        url = next;
        continue;
      }
      if (res.status === 304 || (res.status >= 200 && res.status < 300)) {
        const body = res.status === 304 ? "" : decodeBody(res.body, headersOut["content-type"]);
        return { url: url.href, status: res.status, headers: headersOut, body };
      }
      throw new FetchError("http_error", `http error: ${url.href} answered ${res.status}`, url.href, res.status);
    }
  }

  return async function fetcher(url, init = {}) {
    const deadline = Date.now() + o.deadlineMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await followRedirects(url, init, deadline);
      } catch (err) {
        if (!(err instanceof FetchError)) throw err;
        const backoff = o.retryBaseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        const timeLeft = deadline - Date.now();
        if (!err.retryable || attempt >= o.retries || init.signal?.aborted || backoff >= timeLeft) throw err;
        await sleep(backoff);
      }
    }
  };
}

let shared: Fetcher | undefined;
/** The process-wide fetcher (one limiter for all callers). Options come from defaults and the env switch. */
export function defaultFetcher(): Fetcher {
  shared ??= createFetcher();
  return shared;
}
