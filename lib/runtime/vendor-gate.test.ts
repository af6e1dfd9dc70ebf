import { describe, expect, it } from "vitest";
import { VendorGate } from "@/lib/runtime/vendor-gate";

function gate(max?: number) {
  const reads: string[] = [];
  const vendors = new Set(["acme", "beta-2"]);
  const incidents = new Set(["acme/inc 1/2"]);
  const g = new VendorGate(
    {
      vendor: async (slug) => (reads.push(`vendor:${slug}`), vendors.has(slug)),
      incident: async (slug, id) => (reads.push(`incident:${slug}/${id}`), incidents.has(`${slug}/${id}`)),
    },
    { max },
  );
  return { g, reads };
}

describe("VendorGate", () => {
  it("leaves addresses that name no vendor alone", () => {
    const { g } = gate();
    for (const target of ["/", "/vendors", "/vendors?q=x", "/status", "/api/v1/vendors?page=2", "/api/health"])
      expect(g.check(target), target).toBeNull();
  });

  it("lets known vendors through, reading each once", async () => {
    const { g, reads } = gate();
    for (const target of ["/vendors/acme", "/vendors/acme/", "/vendors/acme/feed.rss", "/api/v1/vendors/acme/status"])
      expect(await g.check(target), target).toBeNull();
    expect(reads).toEqual(["vendor:acme"]);
    // Upper case reaches Next, which redirects it to the canonical URL.
    expect(await g.check("/vendors/ACME")).toBeNull();
  });

  it("refuses unknown slugs in each family's own shape, one read each and nothing remembered", async () => {
    const { g, reads } = gate();
    expect(await g.check("/vendors/nope")).toEqual({ kind: "page" });
    expect(await g.check("/vendors/nope/incidents/1")).toEqual({ kind: "page" });
    expect(await g.check("/vendors/nope/badge.svg")).toEqual({ kind: "text", body: 'No vendor "nope"\n' });
    expect(await g.check("/api/v1/vendors/nope?x=1")).toEqual({ kind: "json", body: { error: 'no vendor "nope"' } });
    expect(reads).toEqual(["vendor:nope", "vendor:nope", "vendor:nope", "vendor:nope"]);
    expect(g.stats().vendors).toBe(0);
  });

  it("refuses what cannot be a slug without a read", async () => {
    const { g, reads } = gate();
    for (const target of [
      "/vendors/a%20b",
      "/vendors/%00",
      "/vendors/%FF/feed.rss",
      "/api/v1/vendors/ACME",
      `/vendors/${"a".repeat(101)}`,
    ])
      expect(await g.check(target), target).not.toBeNull();
    expect(reads).toEqual([]);
  });

  it("checks the incident id, decoded once as links encode it", async () => {
    const { g, reads } = gate();
    expect(await g.check(`/vendors/acme/incidents/${encodeURIComponent("inc 1/2")}`)).toBeNull();
    expect(await g.check(`/vendors/acme/incidents/${encodeURIComponent("inc 1/2")}`)).toBeNull();
    expect(await g.check("/vendors/acme/incidents/missing")).toEqual({ kind: "page" });
    expect(await g.check(`/vendors/acme/incidents/${"x".repeat(501)}`)).toEqual({ kind: "page" });
    expect(await g.check("/vendors/acme/incidents/a%00")).toEqual({ kind: "page" });
    expect(reads).toEqual(["vendor:acme", "incident:acme/inc 1/2", "incident:acme/missing"]);
  });

  it("remembers at most max known vendors", async () => {
    const { g } = gate(1);
    await g.check("/vendors/acme");
    await g.check("/vendors/beta-2");
    expect(g.stats().vendors).toBe(1);
  });
});
