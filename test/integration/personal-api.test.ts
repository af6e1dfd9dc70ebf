import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { followVendor } from "@/lib/data/subscriptions";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { createUser } from "@/test/support/users";
import { apiFollow, apiGetVendors, apiUnfollow } from "@/test/support/api";

const db = connectTestDatabase();

async function userWithToken() {
  const user = await createUser();
  const { token } = await createApiToken(user.id, "test");
  return { user, token };
}

async function vendorWithComponents() {
  const vendor = await createVendor();
  await db.component.createMany({
    data: [
      { vendorId: vendor.id, providerId: "api", name: "API" },
      { vendorId: vendor.id, providerId: "web", name: "Website" },
    ],
  });
  return vendor;
}

describe("/api/v1/me", () => {
  it("401 without a token, with a wrong one and with a revoked one", async () => {
    const { user, token } = await userWithToken();
    expect((await apiGetVendors()).status).toBe(401);
    expect((await apiGetVendors("vw_not-a-token")).status).toBe(401);
    const res = await apiGetVendors(token);
    expect(res.status).toBe(200);
    const id = (await db.apiToken.findFirstOrThrow({ where: { userId: user.id } })).id;
    await revokeApiToken(user.id, id);
    const revoked = await apiGetVendors(token);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("tokens are stored as hashes only", async () => {
    const { user, token } = await userWithToken();
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    expect(token.startsWith(row.prefix)).toBe(true);
  });

  it("follows (201), changes components (200), lists, unfollows (204, then 404)", async () => {
    const { token } = await userWithToken();
    const vendor = await vendorWithComponents();
    const created = await apiFollow(token, { vendor: vendor.slug });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      subscription: { slug: vendor.slug, components: "all" },
      count: 1,
      limit: 10,
    });
    const chosen = await apiFollow(token, { vendor: vendor.slug, components: ["api"] });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ subscription: { components: ["api"] } });
    const list = (await (await apiGetVendors(token)).json()) as { vendors: Array<{ slug: string }>; count: number };
    expect(list.vendors.map((v) => v.slug)).toEqual([vendor.slug]);
    expect((await apiUnfollow(token, vendor.slug)).status).toBe(204);
    expect((await apiUnfollow(token, vendor.slug)).status).toBe(404);
  });

  it("400 with zod issues for bad input, the same validation as the dashboard", async () => {
    const { token } = await userWithToken();
    const vendor = await vendorWithComponents();
    const wrongType = await apiFollow(token, { vendor: 42 });
    expect(wrongType.status).toBe(400);
    const body = (await wrongType.json()) as {
      error: string;
      issues: Array<{ path: string[]; message: string; code: string }>;
    };
    expect(body.error).toBe("invalid_request");
    expect(body.issues[0]).toMatchObject({ path: ["vendor"], code: "invalid_type" });
    expect((await apiFollow(token, { vendor: vendor.slug, extra: 1 })).status).toBe(400);
    expect((await apiFollow(token, undefined, "{not json")).status).toBe(400);
    const unknownComponent = await apiFollow(token, { vendor: vendor.slug, components: ["nope"] });
    expect(unknownComponent.status).toBe(400);
    expect(await unknownComponent.json()).toMatchObject({ issues: [{ path: ["components"] }] });
    expect((await apiFollow(token, { vendor: "no-such-vendor-anywhere" })).status).toBe(404);
  });

  it("402 { error: plan_limit, limit: 10 } at the limit", async () => {
    const { user, token } = await userWithToken();
    for (let i = 0; i < 10; i++) await followVendor(user.id, (await createVendor()).slug);
    const res = await apiFollow(token, { vendor: (await createVendor()).slug });
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({ error: "plan_limit", limit: 10 });
  });

  it("one user's token never reaches another user's subscriptions", async () => {
    const a = await userWithToken();
    const b = await userWithToken();
    const vendor = await vendorWithComponents();
    await followVendor(a.user.id, vendor.slug);
    expect((await apiUnfollow(b.token, vendor.slug)).status).toBe(404);
    const bList = (await (await apiGetVendors(b.token)).json()) as { vendors: unknown[] };
    expect(bList.vendors).toEqual([]);
    expect(await db.subscription.count({ where: { userId: a.user.id } })).toBe(1);
  });
});
