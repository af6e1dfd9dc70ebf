import net, { type LookupFunction, type Socket } from "node:net";
import tls from "node:tls";
import { Agent, type buildConnector, errors } from "undici";
import type { ResolvedAddress } from "./ssrf";

export interface PooledAgentOptions {
  connectTimeoutMs: number;
  /** Connections kept per origin (the per-host limit, so a burst never opens more). */
  connections: number;
  /** Extra trusted CAs (PEM), on top of Node's roots; for a test or benchmark farm's certificate. */
  ca?: string | readonly string[];
}

/** Hosts remembered at most (pinned answers, TLS sessions): beyond the vendors one process polls. */
const MAX_HOSTS = 20_000;

/** A Map that forgets its oldest entry past `max`. */
class Bounded<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: string, value: V): this {
    this.delete(key);
    if (this.size >= this.max) this.delete(this.keys().next().value as string);
    return super.set(key, value);
  }
}

const bare = (hostname: string) => (hostname.startsWith("[") ? hostname.slice(1, -1) : hostname);

/**
 * One keep-alive pool per origin, whose sockets may only connect to addresses the SSRF guard
 * passed. The guard runs per request before dispatch and pins its answer here; a new connection
 * looks up only that pinned answer, never DNS, so a second (rebinding) answer is never used and a
 * host nobody checked cannot be reached. Each fetcher owns its agent, so a connection opened
 * under a lenient policy (private networks allowed) is never handed to a strict one.
 *
 * TLS sessions are kept here rather than in undici's per-origin pool: that pool is dropped when
 * its last connection closes, which for a host polled every 30 s is between every two polls.
 */
export class PooledAgent {
  readonly dispatcher: Agent;
  private readonly pins = new Bounded<readonly ResolvedAddress[]>(MAX_HOSTS);
  private readonly sessions = new Bounded<Buffer>(MAX_HOSTS);
  private readonly ca: string[] | undefined;

  constructor(private readonly o: PooledAgentOptions) {
    const extra = o.ca === undefined ? [] : typeof o.ca === "string" ? [o.ca] : [...o.ca];
    this.ca = extra.length ? [...tls.rootCertificates, ...extra] : undefined;
    this.dispatcher = new Agent({
      connections: o.connections,
      keepAliveTimeout: 4_000,
      // Node servers announce `Keep-Alive: timeout=5` or less; keep a socket until shortly before.
      keepAliveTimeoutThreshold: 500,
      connect: this.connect,
    });
  }

  /** Records the checked addresses for a hostname, IPv4 first. */
  pin(hostname: string, addresses: readonly ResolvedAddress[]): void {
    const host = bare(hostname);
    const current = this.pins.get(host);
    // Most requests repeat the last answer (the DNS cache serves one for a minute): keep it.
    if (current?.length === addresses.length && addresses.every((a) => current.some((c) => c.address === a.address)))
      return;
    this.pins.set(
      host,
      [...addresses].sort((a, b) => a.family - b.family),
    );
  }

  private readonly lookup: LookupFunction = (hostname, options, cb) => {
    const pinned = this.pins.get(bare(hostname));
    const first = pinned?.[0];
    if (!pinned || !first) {
      const err: NodeJS.ErrnoException = new Error(`no checked address for ${hostname}`);
      err.code = "ENOTCHECKED";
      return cb(err, "", 4);
    }
    if (options.all)
      cb(
        null,
        pinned.map((a) => ({ address: a.address, family: a.family })),
      );
    else cb(null, first.address, first.family);
  };

  private readonly connect: buildConnector.connector = (opts, callback) => {
    const host = bare(opts.hostname);
    let socket: Socket;
    let cb: buildConnector.Callback | null = callback;
    const settle = (...args: [null, Socket] | [Error, null]) => {
      clearTimeout(timer);
      const once = cb;
      cb = null;
      once?.(...args);
    };
    if (opts.protocol === "https:") {
      const servername = opts.servername || (net.isIP(host) ? undefined : host);
      const key = `${servername ?? host}:${opts.port}`;
      const tlsSocket = tls.connect({
        host,
        port: Number(opts.port) || 443,
        servername,
        session: this.sessions.get(key),
        lookup: this.lookup,
        ALPNProtocols: ["http/1.1"],
        ...(this.ca ? { ca: this.ca } : {}),
      });
      tlsSocket.on("session", (s: Buffer) => this.sessions.set(key, s));
      tlsSocket.once("secureConnect", () => settle(null, tlsSocket));
      socket = tlsSocket;
    } else {
      socket = net.connect({ host, port: Number(opts.port) || 80, lookup: this.lookup });
      socket.once("connect", () => settle(null, socket));
    }
    socket.setNoDelay(true);
    socket.once("error", (err) => settle(err, null));
    const timer = setTimeout(() => {
      const err = new errors.ConnectTimeoutError(`connect timeout: ${host}:${opts.port}`);
      socket.destroy(err);
      settle(err, null);
    }, this.o.connectTimeoutMs);
  };

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
