import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/data/errors";
import { incidentExists, vendorExists } from "@/lib/data/known";
import { followState, followVendor, unfollowVendor } from "@/lib/data/subscriptions";
import { listVendors } from "@/lib/data/vendor-list";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { createUser } from "@/test/support/users";

connectTestDatabase();

/**
 * The server refuses such input before any route runs; these are the lookups behind it, which a
 * caller that did not come through the server (the CLI, a test, a future route) reaches directly.
 */
describe("lookups given text the database cannot store", () => {
  it("a search or category with NUL or a lone surrogate matches nothing instead of failing", async () => {
    for (const q of ["\u0000", "a\u0000", "\uD800"]) {
      await expect(listVendors({ q })).resolves.toMatchObject({ vendors: [], total: 0 });
      await expect(listVendors({ category: q })).resolves.toMatchObject({ vendors: [], total: 0 });
    }
  });

  it("following or unfollowing such a slug is not found", async () => {
    const user = await createUser();
    await expect(followVendor(user.id, "a\u0000b")).rejects.toBeInstanceOf(NotFoundError);
    await expect(unfollowVendor(user.id, "\u0000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(followState(user.id, "\u0000")).resolves.toMatchObject({ following: false });
  });

  it("the existence checks the server makes find exactly what is stored", async () => {
    const vendor = await createVendor();
    expect(await vendorExists(vendor.slug)).toBe(true);
    expect(await vendorExists(`${vendor.slug}-x`)).toBe(false);
    expect(await incidentExists(vendor.slug, "none")).toBe(false);
  });
});
