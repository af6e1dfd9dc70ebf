import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCache } from "@/lib/runtime/page-cache";

/** A stand-in for Next: counts renders, so the test sees which requests reached it. */
let renders = 0;
let origin: http.Server;
let front: http.Server;
let cache: PageCache;
let base: string;

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    renders++;
    if (req.url?.startsWith("/vendors/missing")) return void res.writeHead(404).end("nope");
    res
      .writeHead(200, { "content-type": "text/html", "set-cookie": "x=1" })
      .end(`<h1>${req.url} render ${renders}</h1>`);
  });
  await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
  cache = new PageCache(() => `http://127.0.0.1:${(origin.address() as AddressInfo).port}`, 60_000);
  front = http.createServer((req, res) => {
    if (PageCache.cacheable(req))
      void cache.serve(req, res).then((hit) => hit || res.writeHead(502).end("fallthrough"));
    else res.writeHead(204).end();
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(() => {
  origin.close();
  front.close();
});

describe("page cache", () => {
  it("renders a vendor page once, then answers from memory until purged", async () => {
    renders = 0;
    const first = await (await fetch(`${base}/vendors/acme`)).text();
    const second = await fetch(`${base}/vendors/acme`);
    expect(await second.text()).toBe(first);
    expect(second.headers.get("x-vendorwatch-cache")).toBe("HIT");
    expect(second.headers.get("set-cookie")).toBeNull(); // never replays per-user headers
    expect(renders).toBe(1);
    cache.purge(["acme"]);
    expect(await (await fetch(`${base}/vendors/acme`)).text()).toContain("render 2");
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
});
