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

  it("does not cache errors, queries, RSC navigations or draft mode", async () => {
    expect((await fetch(`${base}/vendors/missing`)).status).toBe(502);
    for (const [path, headers] of [
      ["/vendors/acme?x=1", {}],
      ["/vendors/acme", { rsc: "1" }],
      ["/vendors/acme", { cookie: "__prerender_bypass=1" }],
      ["/vendors/acme/feed.rss", {}],
      ["/", {}],
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
