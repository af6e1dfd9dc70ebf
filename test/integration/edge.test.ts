import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_PATH, edge } from "@/lib/runtime/edge";
import { VendorGate } from "@/lib/runtime/vendor-gate";

/** The edge in front of a stand-in for Next that echoes the target it was given. */
let server: http.Server;
let base: string;
let failing = false;

beforeAll(async () => {
  const gate = new VendorGate({
    vendor: async (slug) => {
      if (failing) throw new Error("database unreachable");
      return slug === "acme";
    },
    incident: async (_slug, id) => id === "1",
  });
  server = http.createServer(edge(gate, (req, res) => void res.writeHead(299).end(req.url)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

/** A raw HTTP/1.0 request (no chunked body), so the target goes out exactly as written. */
function raw(target: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.0\r\nHost: x\r\n\r\n`),
    );
    let data = "";
    socket.on("data", (d: Buffer) => (data += d.toString("latin1")));
    socket.on("end", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({
        status: Number(head.split(" ")[1]),
        type: /content-type: ([^\r\n]*)/i.exec(head)?.[1] ?? "",
        body,
      });
    });
    socket.on("error", reject);
  });
}

describe("the edge in front of Next", () => {
  it("passes known vendors and every other address on unchanged", async () => {
    for (const target of ["/vendors/acme", "/vendors/acme/incidents/1", "/vendors?q=caf%C3%A9", "/api/health"]) {
      const res = await fetch(`${base}${target}`);
      expect(res.status, target).toBe(299);
      expect(await res.text()).toBe(target);
    }
  });

  it("answers unknown vendors in each family's shape, pages with Next's not-found page", async () => {
    const page = await fetch(`${base}/vendors/nope`);
    expect([page.status, await page.text()]).toEqual([299, NOT_FOUND_PATH]);
    const incident = await fetch(`${base}/vendors/acme/incidents/2`);
    expect([incident.status, await incident.text()]).toEqual([299, NOT_FOUND_PATH]);
    const feed = await fetch(`${base}/vendors/nope/feed.rss`);
    expect([feed.status, feed.headers.get("content-type"), await feed.text()]).toEqual([
      404,
      "text/plain; charset=utf-8",
      'No vendor "nope"\n',
    ]);
    const api = await fetch(`${base}/api/v1/vendors/nope`);
    expect([api.status, await api.json()]).toEqual([404, { error: 'no vendor "nope"' }]);
  });

  it("refuses unreadable targets with 400, JSON under /api", async () => {
    const page = await raw("/vendors/%00");
    expect([page.status, page.type]).toEqual([400, "text/plain; charset=utf-8"]);
    const api = await raw("/api/v1/vendors?q=%FF");
    expect([api.status, api.type]).toEqual([400, "application/json; charset=utf-8"]);
    expect(JSON.parse(api.body)).toHaveProperty("error");
  });

  it("checks an absolute-form target by its path, and hands Next the path", async () => {
    expect((await raw("http://x/vendors/nope/badge.svg")).status).toBe(404);
    expect((await raw("http://x/vendors/%00")).status).toBe(400);
    const known = await raw("http://x/vendors/acme?a=1");
    expect([known.status, known.body]).toEqual([299, "/vendors/acme?a=1"]);
  });

  it("resolves dot segments before checking, as Next would", async () => {
    for (const target of ["/vendors/acme/../nope", "/vendors/acme/%2e%2e/nope", "/vendors/acme/incidents/../../nope"]) {
      const res = await raw(target);
      expect([res.status, res.body], target).toEqual([299, NOT_FOUND_PATH]);
    }
    expect((await raw("/api/v1/vendors/acme/../nope")).status).toBe(404);
    // A doubled slash stays a path (Next redirects it), not a host.
    expect((await raw("//vendors/acme")).body).toBe("//vendors/acme");
  });

  it("lets Next answer when the check itself fails", async () => {
    failing = true;
    try {
      const res = await fetch(`${base}/vendors/other`);
      expect([res.status, await res.text()]).toEqual([299, "/vendors/other"]);
    } finally {
      failing = false;
    }
  });
});
