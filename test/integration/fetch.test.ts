import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFetcher, type FetchError, USER_AGENT, type FetcherOptions } from "@/lib/net/fetch";
import { startFixtureServer, type FixtureServer } from "../fixture-server";

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(() => srv.close());
beforeEach(() => srv.reset());

const fast: FetcherOptions = { allowPrivateNetworks: true, retryBaseMs: 10, deadlineMs: 3000, connectTimeoutMs: 1000 };
const fetcher = createFetcher(fast);
const fail = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as FetchError,
  );

describe("fetch helper", () => {
  it("sends the User-Agent and decodes gzip, deflate and br", async () => {
    const json = JSON.stringify({ hello: "wörld" });
    srv.set("/gz", { body: json, gzip: true });
    srv.set("/deflate", (_req, res) => {
      res.writeHead(200, { "content-encoding": "deflate" });
      res.end(zlib.deflateSync(json));
    });
    srv.set("/br", (_req, res) => {
      res.writeHead(200, { "content-encoding": "br" });
      res.end(zlib.brotliCompressSync(json));
    });
    for (const p of ["/gz", "/deflate", "/br"]) expect((await fetcher(`${srv.url}${p}`)).body).toBe(json);
    expect(srv.requests[0]?.headers["user-agent"]).toBe(USER_AGENT);
    expect(srv.requests[0]?.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it("decodes UTF-16BE bodies (AWS currentevents)", async () => {
    const text = "[]";
    const be = Buffer.from(text, "utf16le").swap16();
    srv.set("/u16", { body: Buffer.concat([Buffer.from([0xfe, 0xff]), be]) });
    expect((await fetcher(`${srv.url}/u16`)).body).toBe("[]");
  });

  it("retries 5xx with backoff, then fails with http_error", async () => {
    srv.set("/503", { status: 503, body: "down" });
    const err = await fail(fetcher(`${srv.url}/503`));
    expect(err).toMatchObject({ kind: "http_error", status: 503 });
    expect(srv.count("/503")).toBe(3);
  });

  it("recovers when a 5xx is followed by a 200", async () => {
    let n = 0;
    srv.set("/flaky", (_req, res) => {
      n++;
      res.writeHead(n === 1 ? 502 : 200);
      res.end(n === 1 ? "bad gateway" : "{}");
    });
    expect((await fetcher(`${srv.url}/flaky`)).body).toBe("{}");
    expect(srv.count("/flaky")).toBe(2);
  });

  it.each([400, 403, 404, 410, 429])("never retries %i", async (status) => {
    srv.set("/4xx", { status, body: "no" });
    const err = await fail(fetcher(`${srv.url}/4xx`));
    expect(err).toMatchObject({ kind: "http_error", status });
    expect(srv.count("/4xx")).toBe(1);
  });

  it("retries connection resets and reports unreachable", async () => {
    srv.set("/reset", { fault: "reset" });
    const err = await fail(fetcher(`${srv.url}/reset`));
    expect(err?.kind).toBe("unreachable");
    expect(srv.count("/reset")).toBe(3);
  });

  it("reports refused connections as unreachable", async () => {
    const other = await startFixtureServer();
    const url = other.url;
    await other.close();
    expect((await fail(fetcher(`${url}/x`)))?.kind).toBe("unreachable");
  });

  it("enforces the total deadline on a server that never answers", async () => {
    srv.set("/hang", { fault: "timeout" });
    const t0 = Date.now();
    const err = await fail(createFetcher({ ...fast, deadlineMs: 300 })(`${srv.url}/hang`));
    expect(err?.kind).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it("enforces the deadline on a slow (drip) body", async () => {
    srv.set("/drip", { body: "x".repeat(1000), fault: "drip", dripMs: 20 });
    const err = await fail(createFetcher({ ...fast, deadlineMs: 300 })(`${srv.url}/drip`));
    expect(err?.kind).toBe("timeout");
  });

  it("reports a truncated body as unreachable, not as a payload", async () => {
    srv.set("/trunc", { body: JSON.stringify({ a: "x".repeat(5000) }), fault: "truncate" });
    const err = await fail(createFetcher({ ...fast, retries: 0 })(`${srv.url}/trunc`));
    expect(err?.kind).toBe("unreachable");
  });

  it("caps the size: declared, streamed and decompressed", async () => {
    const small = createFetcher({ ...fast, maxBytes: 1000 });
    srv.set("/huge", { body: "x".repeat(5000) });
    srv.set("/chunked", (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write("y".repeat(500));
      res.end();
    });
    srv.set("/bomb", { body: "z".repeat(100_000), gzip: true });
    for (const p of ["/huge", "/chunked", "/bomb"])
      expect((await fail(small(`${srv.url}${p}`)))?.kind).toBe("too_large");
    expect(srv.count("/huge")).toBe(1);
  });

  it("follows up to 5 redirects, refuses the 6th and loops", async () => {
    for (let i = 0; i < 6; i++) srv.set(`/r${i}`, { redirect: `/r${i + 1}` });
    srv.set("/r6", { body: "end" });
    srv.set("/r1", { redirect: "/r2", status: 301 });
    expect((await fetcher(`${srv.url}/r1`)).body).toBe("end"); // r1..r5 -> r6: 5 hops
    expect((await fail(fetcher(`${srv.url}/r0`)))?.kind).toBe("http_error");
    srv.set("/loopA", { redirect: "/loopB" });
    srv.set("/loopB", { redirect: "/loopA" });
    const loop = await fail(fetcher(`${srv.url}/loopA`));
    expect(loop?.message).toMatch(/too many redirects/);
  });

  it("passes conditional headers through and returns 304", async () => {
    srv.set("/etag", { body: "{}", lastModified: new Date("2026-01-01T00:00:00Z") });
    const first = await fetcher(`${srv.url}/etag`);
    const etag = first.headers.etag ?? "";
    expect(etag).not.toBe("");
    const again = await fetcher(`${srv.url}/etag`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const ims = await fetcher(`${srv.url}/etag`, {
      headers: { "if-modified-since": first.headers["last-modified"] ?? "" },
    });
    expect(ims.status).toBe(304);
  });

  it("limits concurrency per host", async () => {
    let active = 0;
    let peak = 0;
    srv.set("/slow", (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.end("{}");
      }, 40);
    });
    const limited = createFetcher({ ...fast, perHostConcurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => limited(`${srv.url}/slow`)));
    expect(peak).toBe(2);
  });

  it("rejects invalid URLs as blocked", async () => {
    expect((await fail(fetcher("not a url")))?.kind).toBe("blocked");
  });
});

describe("per-host rate limit", () => {
  it("spaces request starts to one host, not to different hosts", async () => {
    const { HostLimiter } = await import("@/lib/net/host-limit");
    const limiter = new HostLimiter(10, 50);
    const starts: Array<{ host: string; at: number }> = [];
    const t0 = Date.now();
    await Promise.all(
      ["a", "a", "a", "b"].map((host) =>
        limiter.run(host, async () => void starts.push({ host, at: Date.now() - t0 })),
      ),
    );
    const [a0 = 0, a1 = 0, a2 = 0] = starts.filter((s) => s.host === "a").map((s) => s.at);
    expect(a1 - a0).toBeGreaterThanOrEqual(45);
    expect(a2 - a1).toBeGreaterThanOrEqual(45);
    expect(starts.find((s) => s.host === "b")?.at).toBeLessThan(40);
  });
});
