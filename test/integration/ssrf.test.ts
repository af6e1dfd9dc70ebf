import { describe, expect, it } from "vitest";
import { createFetcher, FetchError } from "@/lib/net/fetch";
import { blockedReason, resolveSafely, type Resolver } from "@/lib/net/ssrf";
import { startFixtureServer } from "../fixture-server";

/** Every one of these must be refused by default. */
const REFUSED = [
  // loopback in every IPv4 spelling
  "http://127.0.0.1/",
  "http://127.255.255.254/",
  "http://127.1/",
  "http://2130706433/",
  "http://0x7f.1/",
  "http://0x7f000001/",
  "http://0177.0.0.1/",
  "http://017700000001/",
  "http://127.000.000.001/",
  "https://127.0.0.1:8443/api/v2/summary.json",
  // unspecified / this network
  "http://0.0.0.0/",
  "http://0/",
  "http://0.1.2.3/",
  // RFC 1918
  "http://10.0.0.1/",
  "http://10.255.255.255/",
  "http://012.0.0.1/",
  "http://172.16.0.1/",
  "http://172.31.255.254/",
  "http://192.168.0.1/",
  "http://192.168.1.1:8080/",
  "http://3232235777/", // 192.168.1.1
  // link-local and cloud metadata
  "http://169.254.169.254/latest/meta-data/",
  "http://169.254.0.1/",
  "http://0xa9fea9fe/", // 169.254.169.254
  "http://100.100.100.200/", // Alibaba metadata (CGNAT range)
  // CGNAT
  "http://100.64.0.1/",
  "http://100.127.255.254/",
  // IETF / documentation / benchmarking / 6to4 relay
  "http://192.0.0.8/",
  "http://192.0.2.1/",
  "http://198.51.100.7/",
  "http://203.0.113.9/",
  "http://198.18.0.1/",
  "http://198.19.255.1/",
  "http://192.88.99.1/",
  // multicast, reserved, broadcast
  "http://224.0.0.1/",
  "http://239.255.255.250/",
  "http://240.0.0.1/",
  "http://255.255.255.255/",
  // IPv6
  "http://[::1]/",
  "http://[::]/",
  "http://[0:0:0:0:0:0:0:1]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://[::ffff:10.0.0.1]/",
  "http://[::ffff:169.254.169.254]/",
  "http://[::127.0.0.1]/", // IPv4-compatible
  "http://[::10.0.0.1]/",
  "http://[64:ff9b::127.0.0.1]/", // NAT64 of loopback
  "http://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
  "http://[64:ff9b:1::1]/", // local-use NAT64
  "http://[2002:7f00:1::]/", // 6to4 of 127.0.0.1
  "http://[2002:c0a8:101::1]/", // 6to4 of 192.168.1.1
  "http://[2002:a9fe:a9fe::]/", // 6to4 of metadata
  "http://[fc00::1]/",
  "http://[fd00:ec2::254]/", // AWS IPv6 metadata (ULA)
  "http://[fdff:ffff::1]/",
  "http://[fe80::1]/",
  "http://[febf::1]/",
  "http://[fec0::1]/",
  "http://[ff02::1]/",
  "http://[ff05::1:3]/",
  "http://[2001:db8::1]/",
  "http://[3fff::1]/",
  "http://[100::1]/",
  "http://[2001::1]/", // Teredo / IETF reserved
  // schemes other than http(s)
  "file:///etc/passwd",
  "ftp://example.com/",
  "gopher://example.com/",
  "data:text/plain,hello",
];

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "151.101.1.69",
  "2606:4700::6810:84e5",
  "::ffff:8.8.8.8",
  "2002:0808:0808::1",
  "64:ff9b::808:808",
];

const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const rows = table[host];
    if (!rows) throw new Error(`ENOTFOUND ${host}`);
    return rows.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("SSRF guard", () => {
  it("has a table of at least 50 refused cases", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(REFUSED)("refuses %s", async (url) => {
    await expect(resolveSafely(new URL(url), { allowPrivateNetworks: false, resolver: fakeDns({}) })).rejects.toThrow(
      /^blocked (address|scheme)/,
    );
  });

  it.each(PUBLIC)("allows public address %s", (ip) => {
    expect(blockedReason(ip)).toBeNull();
  });

  const LOOPBACK = [
    "http://127.0.0.1/",
    "http://127.1/",
    "http://2130706433/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://localhost/",
  ];
  it.each(LOOPBACK)("allows %s when private networks are allowed", async (url) => {
    const dns = fakeDns({ localhost: ["127.0.0.1", "::1"] });
    await expect(resolveSafely(new URL(url), { allowPrivateNetworks: true, resolver: dns })).resolves.not.toHaveLength(
      0,
    );
  });

  it("still refuses non-http schemes with the override", async () => {
    await expect(resolveSafely(new URL("file:///etc/passwd"), { allowPrivateNetworks: true })).rejects.toThrow(
      /blocked scheme/,
    );
  });

  it("refuses hostnames that resolve to private or loopback addresses (injected DNS)", async () => {
    const dns = fakeDns({
      "intranet.example": ["10.0.0.1"],
      "rebind.example": ["93.184.216.34", "127.0.0.1"],
      "ok.example": ["93.184.216.34"],
    });
    await expect(
      resolveSafely(new URL("http://intranet.example/"), { resolver: dns, allowPrivateNetworks: false }),
    ).rejects.toThrow("blocked address: http://intranet.example/ resolves to 10.0.0.1, a private network address");
    // A mixed answer is refused outright: that is how rebinding hides.
    await expect(
      resolveSafely(new URL("http://rebind.example/"), { resolver: dns, allowPrivateNetworks: false }),
    ).rejects.toThrow(/127\.0\.0\.1/);
    await expect(
      resolveSafely(new URL("http://ok.example/"), { resolver: dns, allowPrivateNetworks: false }),
    ).resolves.toEqual([{ address: "93.184.216.34", family: 4 }]);
  });

  it("the fetch helper refuses a hostname resolving to loopback without connecting", async () => {
    const srv = await startFixtureServer();
    srv.set("/x", { body: "{}" });
    try {
      const fetcher = createFetcher({
        allowPrivateNetworks: false,
        resolver: fakeDns({ "evil.example": ["127.0.0.1"] }),
      });
      const err = await fetcher(`http://evil.example:${srv.port}/x`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).kind).toBe("blocked");
      expect(srv.requests).toHaveLength(0);
    } finally {
      await srv.close();
    }
  });

  it("connects to the checked address, not a second DNS answer (pinned lookup)", async () => {
    const srv = await startFixtureServer();
    srv.set("/x", { body: '{"ok":true}' });
    try {
      let calls = 0;
      const resolver: Resolver = async () => {
        calls++;
        return [{ address: "127.0.0.1", family: 4 }];
      };
      const fetcher = createFetcher({ allowPrivateNetworks: true, resolver });
      const res = await fetcher(`http://status.vendor.test:${srv.port}/x`);
      expect(res.body).toBe('{"ok":true}');
      expect(calls).toBe(1);
      expect(srv.requests[0]?.headers.host).toBe(`status.vendor.test:${srv.port}`);
    } finally {
      await srv.close();
    }
  });

  it("refuses redirects that lead to metadata or private addresses, checked per hop", async () => {
    const srv = await startFixtureServer();
    srv.set("/meta", { redirect: "http://169.254.169.254/latest/meta-data/" });
    srv.set("/private", { status: 301, redirect: "http://10.0.0.1/admin" });
    srv.set("/named", { redirect: "http://metadata.internal/" });
    try {
      // Only the fixture server's own address is trusted, standing in for a public origin.
      const fetcher = createFetcher({
        allowPrivateNetworks: false,
        allowAddresses: ["127.0.0.1"],
        resolver: fakeDns({ "metadata.internal": ["169.254.169.254"] }),
        retries: 0,
      });
      for (const path of ["/meta", "/private", "/named"]) {
        const err = await fetcher(`${srv.url}${path}`).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(FetchError);
        expect((err as FetchError).kind).toBe("blocked");
        expect((err as FetchError).message).toMatch(/^blocked address: /);
      }
      expect(srv.requests.map((r) => r.path)).toEqual(["/meta", "/private", "/named"]);
    } finally {
      await srv.close();
    }
  });
});
