import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { removeVendor, saveSubscription } from "@/app/(account)/dashboard/actions";
import DashboardPage from "@/app/(account)/dashboard/page";
import { GET as followLanding } from "@/app/(account)/dashboard/follow/route";
import { deleteMyAccount, revokeToken, savePreferences } from "@/app/(account)/settings/actions";
import { GET as exportData } from "@/app/(account)/settings/export/route";
import SettingsPage from "@/app/(account)/settings/page";
import { GET as followState } from "@/app/api/account/follows/[slug]/route";
import { followIntent } from "@/lib/auth/follow-intent";
import { authSecret } from "@/lib/auth/secret";
import { createApiToken, userForToken } from "@/lib/data/api-tokens";
import { getPreferences, updatePreferences } from "@/lib/data/preferences";
import { followVendor } from "@/lib/data/subscriptions";
import { apiFollow, apiGetVendors, apiUnfollow } from "@/test/support/api";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { actAs, renderHtml } from "@/test/support/request-context";
import { createSession, createUser } from "@/test/support/users";

vi.mock("next/headers", () => import("@/test/support/request-context").then((m) => m.nextHeaders));
vi.mock("next/cache", (original) => import("@/test/support/request-context").then((m) => m.nextCache(original)));

const db = connectTestDatabase();

/**
 * Two people with the same kinds of things: each follows a vendor of their own (with chosen
 * settings), has settings and an API token. Everything below runs as B and must never show or
 * change what is A's, whatever ids B sends.
 */
async function twoUsers() {
  const [a, b] = await Promise.all([createUser(), createUser()]);
  const tag = randomUUID().slice(0, 6);
  const [va, vb] = await Promise.all([
    createVendor({ name: `Alpha Only ${tag}` }),
    createVendor({ name: `Beta Only ${tag}` }),
  ]);
  await followVendor(a.id, va.slug, { minimumImpact: "major" });
  await followVendor(b.id, vb.slug);
  await updatePreferences(a.id, { digest: "weekly", digestHour: 6 });
  const aToken = await createApiToken(a.id, "alpha deploy script");
  const bToken = await createApiToken(b.id, "beta cron job");
  return { a, b, va, vb, aToken, bToken, aSession: await createSession(a.id), bSession: await createSession(b.id) };
}

const subscriptionOf = (userId: string, vendorId: string) =>
  db.subscription.findUnique({ where: { userId_vendorId: { userId, vendorId } } });

describe("two users: B never reads or changes A's subscriptions, settings or tokens", () => {
  it("pages: B's dashboard and settings show B's vendors, address and tokens only", async () => {
    const { a, b, va, vb, bSession } = await twoUsers();
    actAs(bSession);
    const dashboard = await renderHtml(await DashboardPage({ searchParams: Promise.resolve({}) }));
    expect(dashboard).toContain(vb.name);
    expect(dashboard).toContain("1 of 10 vendors");
    expect(dashboard).not.toContain(va.name);
    // A's landing address after following (…?followed=<A's vendor>) claims nothing for B.
    const landed = await renderHtml(await DashboardPage({ searchParams: Promise.resolve({ followed: va.slug }) }));
    expect(landed).not.toContain(va.name);
    expect(await db.subscription.count({ where: { userId: b.id } })).toBe(1);

    const settings = await renderHtml(await SettingsPage());
    expect(settings).toContain(b.email);
    expect(settings).toContain("beta cron job");
    expect(settings).not.toContain(a.email);
    expect(settings).not.toContain("alpha deploy script");
  });

  it("actions: B's changes to A's follow, token and account are refused; B's own settings touch only B", async () => {
    const { a, b, va, vb, aToken, bSession } = await twoUsers();
    actAs(bSession);
    const change = { components: "all" as const, minimumImpact: "none" as const, maintenances: false };
    expect(await saveSubscription({ slug: va.slug, ...change, eventMode: "every_update" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await removeVendor({ slug: va.slug })).toMatchObject({ ok: false, error: "not_found" });
    expect(await subscriptionOf(a.id, va.id)).toMatchObject({ minimumImpact: "major", maintenances: true });
    expect(await subscriptionOf(b.id, va.id)).toBeNull();

    expect(await revokeToken({ id: aToken.id })).toMatchObject({ ok: false, error: "not_found" });
    expect(await userForToken(aToken.token)).toMatchObject({ id: a.id });

    expect(await savePreferences({ digest: "daily", digestHour: 9 })).toEqual({ ok: true, data: null });
    expect(await getPreferences(b.id)).toMatchObject({ digest: "daily", digestHour: 9 });
    expect(await getPreferences(a.id)).toMatchObject({ digest: "weekly", digestHour: 6 });

    expect(await deleteMyAccount({ confirmEmail: a.email ?? "" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);

    // B's own follow is B's to change.
    expect(await saveSubscription({ slug: vb.slug, ...change, eventMode: "start_and_resolution" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await subscriptionOf(b.id, vb.id)).toMatchObject({ eventMode: "start_and_resolution" });

    actAs(null);
    expect(await removeVendor({ slug: vb.slug })).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await subscriptionOf(b.id, vb.id)).not.toBeNull();
  });

  it("route handlers: follow state, export and the signed follow landing answer for the session's user", async () => {
    const { a, b, va, aSession, bSession } = await twoUsers();
    const state = async (slug: string) =>
      (await followState(new Request("http://localhost/"), { params: Promise.resolve({ slug }) })).json();

    actAs(aSession);
    expect(await state(va.slug)).toMatchObject({ signedIn: true, following: true });
    actAs(bSession);
    expect(await state(va.slug)).toMatchObject({ signedIn: true, following: false, count: 1 });

    const exported = await (await exportData()).text();
    expect(exported).toContain(b.email);
    expect(exported).not.toContain(a.email);
    expect(exported).not.toContain(va.slug);
    expect(exported).not.toContain("alpha deploy script");

    // A's signed "follow after sign-in" intent does not follow anything for B.
    const intent = followIntent(a.email ?? "", va.slug, await authSecret());
    const res = await followLanding(
      new Request(`http://localhost/dashboard/follow?${new URLSearchParams({ vendor: va.slug, intent })}`),
    );
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get("location") ?? "").searchParams.get("confirm")).toBe(va.slug);
    expect(await subscriptionOf(b.id, va.id)).toBeNull();

    actAs(null);
    expect((await exportData()).status).toBe(401);
  });

  it("API: B's token lists, changes and removes B's follows only", async () => {
    const { a, va, vb, bToken } = await twoUsers();
    const list = (await (await apiGetVendors(bToken.token)).json()) as { vendors: Array<{ slug: string }> };
    expect(list.vendors.map((v) => v.slug)).toEqual([vb.slug]);
    expect((await apiUnfollow(bToken.token, va.slug)).status).toBe(404);
    expect(await subscriptionOf(a.id, va.id)).not.toBeNull();
    // Following A's vendor makes B's own subscription; A's settings of it stay as they were.
    expect((await apiFollow(bToken.token, { vendor: va.slug })).status).toBeLessThan(300);
    expect(await subscriptionOf(a.id, va.id)).toMatchObject({ minimumImpact: "major" });
    expect(await db.subscription.count({ where: { vendorId: va.id } })).toBe(2);
  });
});
