import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog";
import { connectTestDatabase } from "@/test/support/db";
import { seedCatalog } from "@/prisma/seed";

const db = connectTestDatabase();

describe("catalog seed", () => {
  it("loads the real catalog without third-party aggregators, and is idempotent", async () => {
    const catalog = await loadCatalog();
    expect(catalog.length).toBeGreaterThan(1200);
    expect(catalog.some((v) => /isitdownrightnow|statusgator|updownradar|saashub/.test(v.statusPageUrl))).toBe(false);
    expect(catalog.find((v) => v.slug === "chargeover")).toMatchObject({
      name: "ChargeOver",
      statusPageUrl: "https://status.chargeover.com",
    });
    // Two rows name Google Workspace's dashboard; the one with a known provider is kept.
    expect(catalog.filter((v) => v.statusPageUrl === "https://www.google.com/appsstatus/dashboard")).toEqual([
      expect.objectContaining({ slug: "google-workspace", provider: "gcp" }),
    ]);

    const first = await seedCatalog();
    expect(first.total).toBe(catalog.length);
    const github = await db.vendor.findUniqueOrThrow({ where: { slug: "github" } });
    await db.vendor.update({ where: { slug: "github" }, data: { lastCheckedAt: new Date(), consecutiveFailures: 2 } });
    const second = await seedCatalog();
    expect(second).toEqual({ created: 0, updated: 0, total: catalog.length });
    const again = await db.vendor.findUniqueOrThrow({ where: { slug: "github" } });
    expect(again.id).toBe(github.id);
    expect(again.consecutiveFailures).toBe(2); // poll state is never touched by the seed
  });
});
