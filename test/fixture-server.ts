import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/**
 * A loopback HTTP server for provider, monitor and benchmark tests. Everything is served from
 * memory (set() precomputes ETag and gzip), so thousands of vendors cost no disk reads.
 *
 *   const srv = await startFixtureServer();
 *   srv.set("/acme/api/v2/summary.json", { body: fixture("statuspage/bexio-summary-minor-incident-2026-04.json") });
 *   srv.set("/acme/api/v2/incidents.json", { status: 503 });          // or { fault: "timeout" }, ...
 *   await pollProvider({ statusPageUrl: `${srv.url}/acme`, provider: "statuspage" },
 *     { fetcher: createFetcher({ allowPrivateNetworks: true }) });
 *   srv.count("/acme/api/v2/incidents.json"); srv.requests; await srv.close();
 */

export type Fault =
  | "reset" // destroy the socket without answering
  | "timeout" // accept the request and never answer
  | "drip" // send headers, then one byte every dripMs, forever
  | "truncate" // declare the full length, send half, close
  | "garbage" // answer 200 with bytes that are not JSON/XML
  | "huge"; // stream hugeBytes (default 16 MiB) of JSON-ish filler, chunked

export interface RouteSpec {
  body?: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
  fault?: Fault;
  dripMs?: number;
  hugeBytes?: number;
  /** Redirect target (absolute or relative); status defaults to 302. */
  redirect?: string;
  /** Serve gzip-encoded when the client accepts it. */
  gzip?: boolean;
  /** Defaults to true: answer If-None-Match with 304. */
  etag?: boolean;
  /** Last-Modified value; If-Modified-Since at or after it answers 304. */
  lastModified?: Date;
}

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Prepared extends RouteSpec {
  buf: Buffer;
  tag: string;
  gz?: Buffer;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface FixtureServer {
  url: string;
  /** The underlying server, for tests that watch its connections. */
  server: http.Server;
  port: number;
  requests: LoggedRequest[];
  /** Serve a spec (or a hand-written handler) at an exact path (query string ignored unless given). */
  set(path: string, spec: RouteSpec | RouteHandler): void;
  route(path: string, spec: RouteSpec | RouteHandler): void;
  /** Number of logged requests whose path (without query) equals `path`. */
  count(path: string): number;
  reset(): void;
  close(): Promise<void>;
}

/** A payload from test/fixtures, read once and cached. */
const cache = new Map<string, Buffer>();
export function fixture(relPath: string): Buffer {
  let buf = cache.get(relPath);
  if (!buf) {
    buf = readFileSync(fileURLToPath(new URL(`./fixtures/${relPath}`, import.meta.url)));
    cache.set(relPath, buf);
  }
  return buf;
}

function prepare(spec: RouteSpec): Prepared {
  const buf = typeof spec.body === "string" ? Buffer.from(spec.body) : (spec.body ?? Buffer.alloc(0));
  const tag = `"${createHash("sha1").update(buf).digest("hex").slice(0, 16)}"`;
  return { ...spec, buf, tag, gz: spec.gzip ? zlib.gzipSync(buf) : undefined };
}

function serve(p: Prepared, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (p.fault === "timeout") return;
  if (p.fault === "reset") return void req.socket.destroy();
  if (p.redirect) {
    res.writeHead(p.status ?? 302, { location: p.redirect });
    return void res.end();
  }
  if (p.fault === "garbage") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end("\u0000\u00ff<<garbage>> not a payload {{{");
  }
  if (p.fault === "huge") return void streamHuge(res, p.hugeBytes ?? 16 * 1024 * 1024);
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", ...p.headers };
  if (p.etag !== false) headers.etag = p.tag;
  if (p.lastModified) headers["last-modified"] = p.lastModified.toUTCString();
  const inm = req.headers["if-none-match"];
  const ims = req.headers["if-modified-since"];
  const fresh =
    (p.etag !== false && inm !== undefined && inm === p.tag) ||
    (inm === undefined &&
      p.lastModified !== undefined &&
      ims !== undefined &&
      Date.parse(ims) >= Math.floor(p.lastModified.getTime() / 1000) * 1000);
  if (fresh && (p.status ?? 200) === 200) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const useGzip = p.gz && /gzip/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = useGzip && p.gz ? p.gz : p.buf;
  if (useGzip) headers["content-encoding"] = "gzip";
  if (p.fault === "drip") {
    res.writeHead(p.status ?? 200, headers);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(body.subarray(i % body.length, (i % body.length) + 1) || " ");
      i++;
    }, p.dripMs ?? 50);
    res.on("close", () => clearInterval(timer));
    return;
  }
  headers["content-length"] = String(body.length);
  res.writeHead(p.status ?? 200, headers);
  if (p.fault === "truncate") {
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    return void setTimeout(() => req.socket.destroy(), 5);
  }
  res.end(body);
}

const FILLER = Buffer.alloc(64 * 1024, 0x20);
function streamHuge(res: http.ServerResponse, total: number): void {
  res.writeHead(200, { "content-type": "application/json" });
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += FILLER.length;
      if (!res.write(FILLER)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export interface FixtureServerOptions {
  /** Serve HTTPS with this key and certificate (see test/support/self-signed.ts). */
  tls?: { key: string; cert: string };
  /** How long an idle keep-alive connection stays open (ms). */
  keepAliveTimeoutMs?: number;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes = new Map<string, Prepared | RouteHandler>();
  const requests: LoggedRequest[] = [];
  const handler: http.RequestListener = (req, res) => {
    const full = req.url ?? "/";
    const path = full.split("?")[0] ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, at: Date.now() });
    const route = routes.get(full) ?? routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    if (typeof route === "function") return route(req, res);
    if (route.delayMs) setTimeout(() => serve(route, req, res), route.delayMs);
    else serve(route, req, res);
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const set = (path: string, spec: RouteSpec | RouteHandler) => {
    routes.set(path, typeof spec === "function" ? spec : prepare(spec));
  };
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    server,
    port,
    requests,
    set,
    route: set,
    count: (path) => requests.filter((r) => r.path === path).length,
    reset: () => {
      routes.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
