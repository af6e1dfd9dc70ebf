import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { PooledAgent } from "@/lib/net/agent";
import { createFetcher, FetchError } from "@/lib/net/fetch";
import type { Resolver } from "@/lib/net/ssrf";
import { startFixtureServer, type FixtureServer } from "../fixture-server";
import { selfSignedCertificate } from "../support/self-signed";

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: Parameters<typeof startFixtureServer>[0] = {}) {
  const srv = await startFixtureServer({ keepAliveTimeoutMs: 5_000, ...options });
  servers.push(srv);
  const sockets: Socket[] = [];
  srv.server.on(options.tls ? "secureConnection" : "connection", (s: Socket) => sockets.push(s));
  srv.set("/x", { body: '{"ok":true}' });
  return { srv, sockets };
}

const dns =
  (table: Record<string, string[]>): Resolver =>
  async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("pooled connections", () => {
  it("reuses connections: one for requests one after another, at most the per-host limit at once", async () => {
    const { srv, sockets } = await server();
    const single = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 1 });
    for (let i = 0; i < 10; i++) expect((await single(`${srv.url}/x`)).body).toBe('{"ok":true}');
    expect(sockets).toHaveLength(1);
    const pair = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 2 });
    for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: 8 }, () => pair(`${srv.url}/x`)));
    expect(sockets).toHaveLength(3);
    expect(srv.count("/x")).toBe(50);
  });

  it("keeps reusing the connection after 304s, redirects and errors that read the whole body", async () => {
    const { srv, sockets } = await server();
    srv.set("/r", { redirect: "/x" });
    srv.set("/404", { status: 404, body: "no such page" });
    const fetcher = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 1, retries: 0 });
    const first = await fetcher(`${srv.url}/x`);
    await fetcher(`${srv.url}/x`, { headers: { "if-none-match": first.headers.etag ?? "" } });
    await fetcher(`${srv.url}/r`);
    await fetcher(`${srv.url}/404`).catch((e: unknown) => e);
    await fetcher(`${srv.url}/x`);
    expect(srv.requests.map((r) => r.path)).toEqual(["/x", "/x", "/r", "/x", "/404", "/x"]);
    expect(sockets).toHaveLength(1);
  });

  it("refuses a host whose address turned private, although a pooled connection to its origin is open", async () => {
    const { srv, sockets } = await server();
    const table: Record<string, string[]> = { "status.vendor.test": ["127.0.0.1"] };
    // The fixture server's own address stands in for a public origin.
    const fetcher = createFetcher({ allowPrivateNetworks: false, allowAddresses: ["127.0.0.1"], resolver: dns(table) });
    const url = `http://status.vendor.test:${srv.port}/x`;
    expect((await fetcher(url)).status).toBe(200);
    table["status.vendor.test"] = ["10.0.0.1"];
    const err = await fetcher(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe("blocked");
    expect((err as FetchError).message).toMatch(/resolves to 10\.0\.0\.1/);
    expect(srv.requests).toHaveLength(1);
    expect(sockets).toHaveLength(1);
  });

  it("never opens a connection to a host the guard did not check", async () => {
    const { srv, sockets } = await server();
    const agent = new PooledAgent({ connectTimeoutMs: 1_000, connections: 2 });
    try {
      const err = await agent.dispatcher
        .request({ origin: `http://unchecked.vendor.test:${srv.port}`, path: "/x", method: "GET" })
        .catch((e: unknown) => e as NodeJS.ErrnoException);
      expect((err as NodeJS.ErrnoException).code).toBe("ENOTCHECKED");
      expect(sockets).toHaveLength(0);
    } finally {
      await agent.close();
    }
  });
});

describe("HTTPS", () => {
  const { key, cert } = selfSignedCertificate();

  it("verifies certificates: a self-signed one is refused unless its CA is given", async () => {
    const { srv } = await server({ tls: { key, cert } });
    const strict = createFetcher({ allowPrivateNetworks: true, retries: 0 });
    const err = await strict(`${srv.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe("unreachable");
    expect((err as FetchError).message).toMatch(/SELF_SIGNED|self.signed/i);
    const trusting = createFetcher({ allowPrivateNetworks: true, ca: cert });
    expect((await trusting(`${srv.url}/x`)).body).toBe('{"ok":true}');
    expect(srv.count("/x")).toBe(1);
  });

  it("reuses the TLS connection, and resumes the TLS session on a new one", async () => {
    const { srv, sockets } = await server({ tls: { key, cert } });
    const fetcher = createFetcher({ allowPrivateNetworks: true, ca: cert, perHostConcurrency: 1 });
    for (let i = 0; i < 5; i++) await fetcher(`${srv.url}/x`);
    expect(sockets).toHaveLength(1);
    // The server drops idle connections; the next request must open a new one, without a full handshake.
    srv.server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 50));
    await fetcher(`${srv.url}/x`);
    expect(sockets).toHaveLength(2);
    expect((sockets[1] as TLSSocket).isSessionReused()).toBe(true);
  });
});
