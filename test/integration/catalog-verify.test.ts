import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyVendors } from "@/lib/catalog/verify";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { connectTestDatabase } from "@/test/support/db";
import { stagePayloads } from "@/test/support/statuspage-script";

const db = connectTestDatabase();
const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 3000 });
let srv: FixtureServer;

beforeAll(async () => {
  srv = await startFixtureServer();
  const p = stagePayloads({});
  for (const base of ["/verify-unknown", "/verify-wrong"]) {
    srv.set(`${base}/api/v2/summary.json`, { body: p.summary });
    srv.set(`${base}/api/v2/incidents.json`, { body: p.incidents });
    srv.set(`${base}/api/v2/scheduled-maintenances.json`, { body: p.maintenances });
  }
  srv.set("/verify-unknown", {
    body: '<html><head><link rel="icon" sizes="64x64" href="https://cdn.example.com/acme-64.png"></head></html>',
    headers: { "content-type": "text/html" },
  });
});
afterAll(() => srv.close());

describe("vendors verify", () => {
  it("re-detects providers, records what answered, finds logos, and keeps a failing vendor's provider", async () => {
    const provider = `verify-${randomUUID().slice(0, 8)}`;
    // Scoped by a provider name only this test uses, so other tests' vendors stay out of it.
    const make = (slug: string, url: string) =>
      db.vendor.create({ data: { slug: `${provider}-${slug}`, name: slug, statusPageUrl: url, provider } });
    const unknown = await make("unknown", `${srv.url}/verify-unknown`);
    const wrong = await make("wrong", `${srv.url}/verify-wrong`);
    const dead = await make("dead", "http://127.0.0.1:9/verify-dead");
    await db.vendor.update({ where: { id: wrong.id }, data: { contentHash: "old", etag: '"old"' } });

    const results = await verifyVendors({ provider }, { concurrency: 3, fetcher });
    expect(results.map((r) => [r.slug, r.ok, r.changed])).toEqual([
      [dead.slug, false, false],
      [unknown.slug, true, true],
      [wrong.slug, true, true],
    ]);

    const after = await db.vendor.findUniqueOrThrow({ where: { id: unknown.id } });
    expect(after.provider).toBe("statuspage");
    expect(after.apiEndpoint).toBe(`${srv.url}/verify-unknown/api/v2/summary.json`);
    expect(after.verifiedAt).not.toBeNull();
    expect(after.verifyResult).toMatch(
      new RegExp(`^statuspage at ${srv.url}/verify-unknown/api/v2/summary.json: \\d+ components, 0 incidents, status`),
    );
    expect(after.logoUrl).toBe("https://cdn.example.com/acme-64.png");

    const moved = await db.vendor.findUniqueOrThrow({ where: { id: wrong.id } });
    expect(moved).toMatchObject({ provider: "statuspage", contentHash: null, etag: null, fetchValidators: null });

    const failed = await db.vendor.findUniqueOrThrow({ where: { id: dead.id } });
    expect(failed.provider).toBe(provider);
    expect(failed.verifyResult).toMatch(/^unreachable: /);
    expect(failed.logoUrl).toBeNull();
  });
});
