import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { BlockedAddressError, type SsrfOptions, resolveSafely } from "@/lib/net/ssrf";
import { USER_AGENT } from "@/lib/net/fetch";

/**
 * POSTs to user-given URLs (Slack, Discord, Teams, webhooks) through the same SSRF guard as vendor
 * fetches: the host is resolved and checked, and the socket may only connect to a checked address.
 * Redirects are not followed (a 3xx is a failure, as Atlassian's webhooks treat it). Connections
 * are kept alive per origin, so a burst of alerts to one host does not pay a handshake each.
 */
export interface PostResult {
  /** 0 when no answer came (timeout, refused, blocked). */
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  error: string | null;
  /** The request never left: the address is not allowed. */
  blocked: boolean;
  durationMs: number;
}

export interface Poster {
  (url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
}

const MAX_BODY = 64 * 1024;

export function createPoster(opts: SsrfOptions & { timeoutMs?: number; maxSockets?: number } = {}): Poster {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 16 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 16 }),
  };
  return async (raw, body, headers) => {
    const started = Date.now();
    const result = (r: Partial<PostResult>): PostResult => ({
      status: 0,
      body: "",
      headers: {},
      error: null,
      blocked: false,
      durationMs: Date.now() - started,
      ...r,
    });
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return result({ error: "invalid URL", blocked: true });
    }
    let addresses;
    try {
      addresses = await resolveSafely(url, opts);
    } catch (e) {
      const blocked = e instanceof BlockedAddressError;
      return result({ error: blocked ? e.message : `cannot resolve ${url.hostname}`, blocked });
    }
    const ordered = [...addresses].sort((a, b) => a.family - b.family);
    const lookup: LookupFunction = (_host, options, cb) => {
      const first = ordered[0];
      if (!first) return cb(new Error("no checked address"), "", 4);
      if (options.all) cb(null, ordered);
      else cb(null, first.address, first.family);
    };
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    const mod = url.protocol === "https:" ? https : http;
    return new Promise<PostResult>((resolve) => {
      const req = mod.request(url, {
        method: "POST",
        agent,
        lookup,
        headers: {
          "user-agent": USER_AGENT,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        },
      });
      // The wait for an answer starts when the request has a socket: time spent queued behind other
      // posts to the same host must not eat it (a post answered just after a premature timeout
      // would be sent again). Queueing itself is bounded too.
      const timeoutMs = opts.timeoutMs ?? 10_000;
      let timer = setTimeout(() => req.destroy(new Error(`no connection within ${4 * timeoutMs} ms`)), 4 * timeoutMs);
      req.once("socket", () => {
        clearTimeout(timer);
        timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      req.on("error", (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(result({ error: e.code ? `${e.code}: ${e.message}` : e.message }));
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BODY) chunks.push(c);
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve(
            result({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
          );
        });
        res.on("error", (e) => {
          clearTimeout(timer);
          resolve(result({ status: res.statusCode ?? 0, error: e.message }));
        });
      });
      req.end(body);
    });
  };
}

let shared: Poster | null = null;
/** The process-wide poster (private networks only with VENDORWATCH_ALLOW_PRIVATE_NETWORKS). */
export function defaultPoster(): Poster {
  shared ??= createPoster();
  return shared;
}
