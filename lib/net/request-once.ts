import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import { FetchError } from "./fetch-error";
import type { ResolvedAddress } from "./ssrf";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface OnceOptions {
  /** Already SSRF-checked; the socket may only connect to one of these. */
  addresses: readonly ResolvedAddress[];
  headers: Record<string, string>;
  deadline: number;
  connectTimeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * One HTTP exchange, no redirects or retries. The socket connects through a pinned `lookup`
 * that only returns the checked addresses, so a second (rebinding) DNS answer is never used.
 * With `all` (Node's happy-eyeballs) every checked address is offered, IPv4 first.
 */
export function requestOnce(url: URL, o: OnceOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const fail = (kind: FetchError["kind"], message: string, status?: number) =>
      reject(new FetchError(kind, message, url.href, status));
    const ordered = [...o.addresses].sort((a, b) => a.family - b.family);
    const pinned: LookupFunction = (_host, options, cb) => {
      const first = ordered[0];
      if (!first) return cb(new Error("no checked address"), "", 4);
      if (options.all)
        cb(
          null,
          ordered.map((a) => ({ address: a.address, family: a.family })),
        );
      else cb(null, first.address, first.family);
    };
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(url, { method: "GET", headers: o.headers, lookup: pinned, agent: false });
    let settled = false;
    const done = () => {
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      o.signal?.removeEventListener("abort", onAbort);
    };
    const abortWith = (err: FetchError) => {
      if (settled) return;
      done();
      reject(err);
      req.destroy();
    };
    const totalTimer = setTimeout(
      () => abortWith(new FetchError("timeout", `timeout: ${url.href} did not finish in time`, url.href)),
      Math.max(0, o.deadline - Date.now()),
    );
    const connectTimer = setTimeout(
      () => abortWith(new FetchError("timeout", `timeout: could not connect to ${url.host}`, url.href)),
      Math.min(o.connectTimeoutMs, Math.max(0, o.deadline - Date.now())),
    );
    const onAbort = () => abortWith(new FetchError("timeout", `aborted: ${url.href}`, url.href));
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener("abort", onAbort);
    req.on("socket", (s) =>
      s.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connectTimer)),
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (settled) return;
      done();
      fail("unreachable", `unreachable: ${url.href}: ${err.code ?? err.message}`);
    });
    req.on("response", (res) => {
      clearTimeout(connectTimer);
      const declared = Number(res.headers["content-length"] ?? "0");
      if (declared > o.maxBytes) {
        return abortWith(new FetchError("too_large", `too large: ${url.href} declares ${declared} bytes`, url.href));
      }
      const decoder = decoderFor(res.headers["content-encoding"]);
      const stream = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      // Count decoded bytes, so a small gzip bomb cannot expand past the cap.
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          abortWith(new FetchError("too_large", `too large: ${url.href} exceeds ${o.maxBytes} bytes`, url.href));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (err: Error) => {
        if (settled) return;
        done();
        fail("unreachable", `unreachable: ${url.href}: body failed: ${err.message}`);
      });
      res.on("aborted", () => {
        if (settled) return;
        done();
        fail("unreachable", `unreachable: ${url.href}: connection closed mid-body`);
      });
      stream.on("end", () => {
        if (settled) return;
        if (!res.complete) {
          done();
          return fail("unreachable", `unreachable: ${url.href}: connection closed mid-body`);
        }
        done();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}
