import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCache } from "@/lib/runtime/page-cache";

/** A stand-in for Next: counts renders, so the test sees which requests reached it. */
let renders = 0;
let origin: http.Server;
let front: { url: string; close(): void };
let cache: PageCache;
let base: string;

const originUrl = () => `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

/** A front server like lib/runtime/server.ts's, for one cache. */
async function frontFor(pages: PageCache): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    if (PageCache.cacheable(req))
      void pages.serve(req, res).then((hit) => hit || res.writeHead(502).end("fallthrough"));
    else res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    renders++;
    if (req.url?.startsWith("/vendors/missing")) return void res.writeHead(404).end("nope");
    res
      .writeHead(200, { "content-type": "text/html", "set-cookie": "x=1" })
      .end(`<h1>${req.url} render ${renders}</h1>`);
  });
  await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
  cache = new PageCache(originUrl, 60_000);
  front = await frontFor(cache);
  base = front.url;
});
afterAll(() => {
  origin.close();
  front.close();
});

describe("page cache", () => {
  it("renders a vendor page once, then answers from memory until purged", async () => {
    renders = 0;
    const firstResponse = await fetch(`${base}/vendors/acme`);
    expect(firstResponse.headers.get("x-vendorwatch-cache")).toBe("MISS");
    const first = await firstResponse.text();
    const second = await fetch(`${base}/vendors/acme`);
    expect(await second.text()).toBe(first);
    expect(second.headers.get("x-vendorwatch-cache")).toBe("HIT");
    expect(second.headers.get("set-cookie")).toBeNull(); // never replays per-user headers
    expect(renders).toBe(1);
    cache.purge(["acme"]);
    const third = await fetch(`${base}/vendors/acme`);
    expect(third.headers.get("x-vendorwatch-cache")).toBe("MISS");
    expect(await third.text()).toContain("render 2");
  });

  it("serves gzip to clients that accept it", async () => {
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${base}/vendors/zipped`, { headers: { "accept-encoding": "gzip" } }, resolve),
    );
    expect(res.headers["content-encoding"]).toBe("gzip");
    res.resume();
  });

  it("serves visitors with cookies (a session) the same cached page", async () => {
    renders = 0;
    const anonymous = await (await fetch(`${base}/vendors/cookie-test`)).text();
    const signedIn = await fetch(`${base}/vendors/cookie-test`, {
      headers: { cookie: "authjs.session-token=abc; theme=dark" },
    });
    expect(signedIn.headers.get("x-vendorwatch-cache")).toBe("HIT");
    expect(await signedIn.text()).toBe(anonymous);
    expect(renders).toBe(1);
  });

  it("purges every page of a changed vendor (feeds, badge, incidents, API), and only that vendor's", async () => {
    const paths = [
      "/vendors/purged/feed.rss",
      "/vendors/purged/badge.svg",
      "/vendors/purged/incidents/abc%2F1",
      "/api/v1/vendors/purged",
      "/vendors/kept/feed.atom",
    ];
    for (const p of paths) await fetch(`${base}${p}`);
    for (const p of paths) expect((await fetch(`${base}${p}`)).headers.get("x-vendorwatch-cache"), p).toBe("HIT");
    cache.purge(["purged"]);
    for (const p of paths)
      expect((await fetch(`${base}${p}`)).headers.get("x-vendorwatch-cache"), p).toBe(
        p.includes("kept") ? "HIT" : "MISS",
      );
  });

  it("renders a site-wide list again after a purge, serving the stale one meanwhile", async () => {
    await fetch(`${base}/status`);
    renders = 0;
    cache.purge(["anyone"]);
    const stale = await fetch(`${base}/status`);
    expect(stale.headers.get("x-vendorwatch-cache")).toBe("STALE");
    // Rendered again without waiting for a visitor (at most once a second); then served.
    let fresh = await fetch(`${base}/status`);
    for (let i = 0; i < 200 && fresh.headers.get("x-vendorwatch-cache") !== "HIT"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await fetch(`${base}/status`);
    }
    expect(fresh.headers.get("x-vendorwatch-cache")).toBe("HIT");
    expect(await fresh.text()).not.toBe(await stale.text());
    expect(renders).toBe(1);
  });

  it("caches the lists' own queries, and no other query string", () => {
    const req = (url: string) => ({ method: "GET", url, headers: {} }) as http.IncomingMessage;
    expect(PageCache.cacheable(req("/vendors?q=git&status=degraded&page=2"))).toBe(true);
    expect(PageCache.cacheable(req("/vendors?utm_source=x"))).toBe(false);
    expect(PageCache.cacheable(req("/status?page=3"))).toBe(true);
    expect(PageCache.cacheable(req("/status?x=1"))).toBe(false);
    expect(PageCache.cacheable(req("/?page=2"))).toBe(false);
    expect(PageCache.cacheable(req("/vendors/acme/incidents/a/b"))).toBe(false);
  });

  it("does not cache errors, other queries, RSC navigations or draft mode", async () => {
    expect((await fetch(`${base}/vendors/missing`)).status).toBe(502);
    for (const [path, headers] of [
      ["/vendors/acme?x=1", {}],
      ["/vendors/acme", { rsc: "1" }],
      ["/vendors/acme", { cookie: "__prerender_bypass=1" }],
      ["/vendors/acme/logo.svg", {}],
      ["/dashboard", {}],
    ] as const) {
      expect((await fetch(`${base}${path}`, { headers })).status).toBe(204);
    }
  });

  it("holds at most its bound of pages, by count and by bytes, dropping the oldest", async () => {
    const byCount = new PageCache(originUrl, 60_000, 3);
    const countFront = await frontFor(byCount);
    for (let i = 0; i < 10; i++) expect((await fetch(`${countFront.url}/vendors/count-${i}`)).status).toBe(200);
    expect(byCount.stats().entries).toBe(3);
    expect((await fetch(`${countFront.url}/vendors/count-9`)).headers.get("x-vendorwatch-cache")).toBe("HIT");
    expect((await fetch(`${countFront.url}/vendors/count-0`)).headers.get("x-vendorwatch-cache")).toBe("MISS");
    countFront.close();

    // Each page here is about 90 bytes with its gzip copy: a 200-byte budget holds two.
    const byBytes = new PageCache(originUrl, 60_000, 5000, 200);
    const bytesFront = await frontFor(byBytes);
    for (let i = 0; i < 10; i++) await (await fetch(`${bytesFront.url}/vendors/bytes-${i}`)).text();
    const { entries, bytes } = byBytes.stats();
    expect(bytes).toBeLessThanOrEqual(200);
    expect(entries).toBe(2);
    byBytes.purge(["bytes-9"]);
    expect(byBytes.stats().bytes).toBeLessThan(bytes);
    bytesFront.close();
  });
});
