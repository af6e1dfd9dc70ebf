import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addVendorForUser } from "@/lib/data/add-vendor-for-user";
import { InvalidInputError, PlanLimitError } from "@/lib/data/errors";
import { listVendors } from "@/lib/data/vendor-list";
import { listVendorSlugs } from "@/lib/data/sitemap";
import { followVendor } from "@/lib/data/subscriptions";
import { NotAStatusPageError, VendorExistsError, addVendor } from "@/lib/monitor/add-vendor";
import { createFetcher } from "@/lib/net/fetch";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { connectTestDatabase } from "@/test/support/db";
import { createVendor } from "@/test/support/factories";
import { stagePayloads } from "@/test/support/statuspage-script";
import { createUser } from "@/test/support/users";

const db = connectTestDatabase();
const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
let srv: FixtureServer;

/** A Statuspage at `path` on the fixture server (recorded payloads, see statuspage-script.ts). */
function servePage(path: string) {
  const p = stagePayloads({});
  srv.set(`${path}/api/v2/summary.json`, { body: p.summary });
  srv.set(`${path}/api/v2/incidents.json`, { body: p.incidents });
  srv.set(`${path}/api/v2/scheduled-maintenances.json`, { body: p.maintenances });
}

beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(() => srv.close());

describe("adding a vendor by URL", () => {
  it("names a vendor as its page names itself, not after the host (here an address: 127 0 0 would be no name)", async () => {
    const p = stagePayloads({});
    const named = JSON.parse(p.summary) as { page: Record<string, unknown> };
    named.page = { ...named.page, name: `Self Named ${srv.port}` };
    srv.set("/self-named/api/v2/summary.json", { body: JSON.stringify(named) });
    const added = await addVendor({ url: `${srv.url}/self-named` }, { fetcher });
    expect(added.name).toBe(`Self Named ${srv.port}`);
    expect(added.slug).toBe(`self-named-${srv.port}`);
  });

  it("detects, stores, takes the baseline with the scheduler's poll, and lists it only then", async () => {
    servePage("/fresh");
    const added = await addVendor({ url: `${srv.url}/fresh/`, name: "Fresh Co" }, { fetcher });
    expect(added).toMatchObject({ name: "Fresh Co", provider: "statuspage", status: "operational" });
    expect(added.statusPageUrl).toBe(`${srv.url}/fresh`);
    const row = await db.vendor.findUniqueOrThrow({
      where: { id: added.id },
      include: { components: true, pollRuns: false },
    });
    expect(row.userAdded).toBe(true);
    expect(row.lastSuccessAt).not.toBeNull();
    expect(row.contentHash).not.toBeNull();
    expect(row.components.length).toBeGreaterThan(0);
    expect((await listVendors({ q: "Fresh Co" })).vendors.map((v) => v.slug)).toEqual([added.slug]);
    expect((await listVendorSlugs()).map((v) => v.slug)).toContain(added.slug);
    await expect(addVendor({ url: `${srv.url}/fresh` }, { fetcher })).rejects.toBeInstanceOf(VendorExistsError);
  });

  it("a user-added vendor never read successfully stays out of the catalog", async () => {
    const hidden = await createVendor({ name: "Never Read Yet", userAdded: true, lastSuccessAt: null });
    const curated = await createVendor({ name: "Curated Unpolled", userAdded: false, lastSuccessAt: null });
    const slugs = (await listVendorSlugs()).map((v) => v.slug);
    expect(slugs).not.toContain(hidden.slug);
    expect(slugs).toContain(curated.slug);
    expect((await listVendors({ q: "Never Read Yet" })).total).toBe(0);
  });

  it("a page that is not a status page stores nothing and says what was tried", async () => {
    srv.set("/plain", { body: "<html><body>hello</body></html>", headers: { "content-type": "text/html" } });
    const before = await db.vendor.count();
    const error = await addVendor({ url: `${srv.url}/plain` }, { fetcher }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAStatusPageError);
    expect((error as NotAStatusPageError).tried.join(" ")).toMatch(/summary\.json/);
    expect(await db.vendor.count()).toBe(before);

    const user = await createUser();
    const shown = await addVendorForUser(user.id, `${srv.url}/plain`, { fetcher }).catch((e: unknown) => e);
    expect(shown).toBeInstanceOf(InvalidInputError);
    expect((shown as Error).message).toMatch(/^We could not find a status page at .*We tried: .*Atlassian Statuspage/);
  });

  it("from the dashboard: follows a new page, follows a known one, refuses at the plan limit before fetching", async () => {
    servePage("/dash-new");
    const user = await createUser();
    const created = await addVendorForUser(user.id, `${srv.url}/dash-new`, { fetcher });
    expect(created.created).toBe(true);
    const again = await addVendorForUser(user.id, `${srv.url}/dash-new/`, { fetcher });
    expect(again).toMatchObject({ created: false, slug: created.slug });
    expect(await db.subscription.count({ where: { userId: user.id } })).toBe(1);

    for (let i = 0; i < 9; i++) await followVendor(user.id, (await createVendor()).slug);
    servePage("/dash-eleventh");
    const hits = srv.requests.length;
    const refused = await addVendorForUser(user.id, `${srv.url}/dash-eleventh`, { fetcher }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanLimitError);
    expect((refused as Error).message).toMatch(/limit/);
    expect((refused as Error).message).toContain("10 of 10");
    expect(srv.requests.length).toBe(hits);
    expect(await db.vendor.count({ where: { statusPageUrl: `${srv.url}/dash-eleventh` } })).toBe(0);
  });

  it("rejects what is not a web address in plain words", async () => {
    const user = await createUser();
    await expect(addVendorForUser(user.id, "status dot example", { fetcher })).rejects.toThrow(/not a web address/);
    await expect(addVendorForUser(user.id, "ftp://example.com", { fetcher })).rejects.toThrow(/not a web address/);
  });
});
