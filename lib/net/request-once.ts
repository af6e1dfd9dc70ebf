import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { PooledAgent } from "./agent";
import { FetchError } from "./fetch-error";
import type { ResolvedAddress } from "./ssrf";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface OnceOptions {
  agent: PooledAgent;
  /** Already SSRF-checked; a new socket may only connect to one of these. */
  addresses: readonly ResolvedAddress[];
  headers: Record<string, string>;
  deadline: number;
  maxBytes: number;
  signal?: AbortSignal;
}

function decoderFor(
  encoding: string | string[] | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (
    String(encoding ?? "")
      .trim()
      .toLowerCase()
  ) {
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

const TIMEOUT = "deadline";

/** Gives up on a body (and so its connection) without an unhandled error event. */
function discard(body: Readable): void {
  body.on("error", () => undefined);
  body.destroy();
}

/** Reads the whole body, counting decoded bytes so a small gzip bomb cannot expand past the cap. */
async function readCapped(body: Readable, encoding: string | string[] | undefined, url: URL, max: number) {
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.once("error", (err) => decoder.destroy(err));
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) throw new FetchError("too_large", `too large: ${url.href} exceeds ${max} bytes`, url.href);
      chunks.push(chunk);
    }
    complete = true;
  } finally {
    if (!complete) discard(body);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function classify(err: unknown, url: URL, abortedBy: unknown): FetchError {
  if (err instanceof FetchError) return err;
  if (abortedBy === TIMEOUT) return new FetchError("timeout", `timeout: ${url.href} did not finish in time`, url.href);
  if (abortedBy !== undefined) return new FetchError("timeout", `aborted: ${url.href}`, url.href);
  const e = err as NodeJS.ErrnoException;
  if (e.code === "UND_ERR_CONNECT_TIMEOUT") {
    return new FetchError("timeout", `timeout: could not connect to ${url.host}`, url.href);
  }
  if (e.code === "UND_ERR_SOCKET") {
    return new FetchError("unreachable", `unreachable: ${url.href}: connection closed mid-exchange`, url.href);
  }
  return new FetchError("unreachable", `unreachable: ${url.href}: ${e.code ?? e.message}`, url.href);
}

/**
 * One HTTP exchange, no redirects or retries, on the fetcher's pooled agent. The checked addresses
 * are pinned for the host first, so should the pool open a connection for this request, it goes
 * to one of them (see agent.ts). The deadline covers connecting, headers and the whole body.
 */
export async function requestOnce(url: URL, o: OnceOptions): Promise<RawResponse> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(o.signal?.reason ?? "aborted");
  if (o.signal?.aborted) throw new FetchError("timeout", `aborted: ${url.href}`, url.href);
  o.signal?.addEventListener("abort", onAbort);
  const timer = setTimeout(() => controller.abort(TIMEOUT), Math.max(0, o.deadline - Date.now()));
  const abortedBy = () => (controller.signal.aborted ? (controller.signal.reason as unknown) : undefined);
  try {
    o.agent.pin(url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname, o.addresses);
    const res = await o.agent.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: o.headers,
      signal: controller.signal,
      headersTimeout: null,
      bodyTimeout: null,
    });
    const declared = Number(res.headers["content-length"] ?? "0");
    if (declared > o.maxBytes) {
      discard(res.body);
      throw new FetchError("too_large", `too large: ${url.href} declares ${declared} bytes`, url.href);
    }
    const body = await readCapped(res.body, res.headers["content-encoding"], url, o.maxBytes);
    return { status: res.statusCode, headers: res.headers, body };
  } catch (err) {
    throw classify(err, url, abortedBy());
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", onAbort);
  }
}
