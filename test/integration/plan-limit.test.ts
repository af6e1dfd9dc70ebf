import { describe, expect, it } from "vitest";
import { PlanLimitError } from "@/lib/data/errors";
import { followVendor } from "@/lib/data/subscriptions";
import { PLANS } from "@/lib/plans";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { createUser } from "@/test/support/users";

const db = connectTestDatabase();

async function userFollowing(n: number) {
  const user = await createUser();
  for (let i = 0; i < n; i++) await followVendor(user.id, (await createVendor()).slug);
  return user;
}

describe("the plan limit", () => {
  it("20 concurrent follows of different vendors at 9 end with exactly 10", async () => {
    const user = await userFollowing(9);
    const vendors = await Promise.all(Array.from({ length: 20 }, () => createVendor()));
    const results = await Promise.allSettled(vendors.map((v) => followVendor(user.id, v.slug)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refusals).toHaveLength(19);
    for (const e of refusals) {
      expect(e).toBeInstanceOf(PlanLimitError);
      expect((e as PlanLimitError).message).toMatch(/limit/);
      expect((e as PlanLimitError).message).toContain("10 of 10 vendors");
    }
    expect(await db.subscription.count({ where: { userId: user.id } })).toBe(PLANS.free.vendorLimit);
  });

  it("two tabs following the same vendor make one subscription", async () => {
    const user = await userFollowing(0);
    const vendor = await createVendor();
    const results = await Promise.all(Array.from({ length: 5 }, () => followVendor(user.id, vendor.slug)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.subscription.count({ where: { userId: user.id } })).toBe(1);
  });

  it("following again at the limit is not a refusal; pro allows 100", async () => {
    const user = await userFollowing(10);
    const followed = await db.subscription.findFirstOrThrow({ where: { userId: user.id }, include: { vendor: true } });
    await expect(followVendor(user.id, followed.vendor.slug)).resolves.toMatchObject({ created: false, count: 10 });
    await expect(followVendor(user.id, (await createVendor()).slug)).rejects.toThrow(/limit of the Free plan/);
    await db.user.update({ where: { id: user.id }, data: { plan: "pro" } });
    await expect(followVendor(user.id, (await createVendor()).slug)).resolves.toMatchObject({
      created: true,
      limit: 100,
    });
  });
});
