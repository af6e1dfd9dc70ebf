import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

/**
 * A visitor's path through the public site, on data the app got by polling the fixture vendors
 * (scripts/e2e.ts adds them with the CLI and then has "Acme Cloud" post an incident).
 */
const INCIDENT_TITLE = "Emma Application is currently down";

async function shot(page: Page, name: string) {
  const project = test.info().project.name;
  await page.screenshot({ path: path.join("test-results", "screenshots", `${project}-${name}.png`), fullPage: true });
}

test.beforeAll(async ({ request }) => {
  // The app's scheduler polls every few seconds; wait until it has seen the incident.
  await expect
    .poll(
      async () =>
        ((await (await request.get("/api/v1/vendors/acme-cloud")).json()) as { incidents: unknown[] }).incidents.length,
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
});

test("home -> directory search -> vendor with an incident -> incident page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("count-incidents")).not.toHaveText("0");
  await shot(page, "home");

  await page.getByRole("search", { name: "Vendors" }).getByRole("searchbox", { name: "Search vendors" }).fill("Acme");
  await page.getByRole("search", { name: "Vendors" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/vendors\?q=Acme/);
  const row = page.getByTestId("vendor-row").filter({ hasText: "Acme Cloud" });
  await expect(row).toBeVisible();
  await shot(page, "directory");

  await row.getByRole("link", { name: "Acme Cloud" }).click();
  await expect(page).toHaveURL(/\/vendors\/acme-cloud$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Cloud status");
  await expect(page.getByTestId("vendor-status")).toContainText("Partial outage");
  await expect(page.getByTestId("last-checked")).toContainText(/Last checked/);
  await expect(page.getByRole("alert", { name: "Status may be out of date" })).toHaveCount(0);
  const gitOps = page.getByTestId("component-row").filter({ hasText: "Git Operations" });
  await expect(gitOps).toContainText("Partial outage");
  await expect(page.getByRole("link", { name: "Official status page" })).toHaveAttribute("href", /\/acme$/);
  await expect(page.getByText(/tracks the status of these components for/i)).toHaveCount(0);
  await shot(page, "vendor");

  await page.getByRole("link", { name: INCIDENT_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(INCIDENT_TITLE);
  const updates = page.getByTestId("incident-update");
  await expect(updates).toHaveCount(2); // investigating, then identified: what the page had posted
  await expect(page.getByTestId("incident-status")).toContainText(/identified/i);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await shot(page, "incident");

  await page.goto("/status");
  await expect(page.getByTestId("down-row").filter({ hasText: "Acme Cloud" })).toBeVisible();
  await shot(page, "down-now");
});

test("feeds, badge, calendar and sitemap are well-formed and complete", async ({ request }) => {
  const xml = new XMLParser({ ignoreAttributes: false });
  const rss = await request.get("/vendors/acme-cloud/feed.rss");
  expect(rss.headers()["content-type"]).toContain("xml");
  const channel = xml.parse(await rss.text()).rss.channel;
  expect(channel.title).toContain("Acme Cloud");
  expect(JSON.stringify(channel.item)).toContain(INCIDENT_TITLE);

  const atom = xml.parse(await (await request.get("/vendors/acme-cloud/feed.atom")).text()).feed;
  expect(atom["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(JSON.stringify(atom.entry)).toContain(INCIDENT_TITLE);

  const badge = await request.get("/vendors/acme-cloud/badge.svg");
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  const svg = xml.parse(await badge.text()).svg;
  expect(svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");

  const ics = await (await request.get("/vendors/acme-cloud/maintenances.ics")).text();
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);

  const total = ((await (await request.get("/api/v1/vendors")).json()) as { total: number }).total;
  const urls = ([] as unknown[]).concat(
    xml.parse(await (await request.get("/sitemap.xml")).text()).urlset.url,
  ) as Array<{ loc: string }>;
  const vendorUrls = urls.filter((u) => /\/vendors\/[^/]+$/.test(u.loc));
  expect(vendorUrls.length).toBe(total);
  expect(vendorUrls.some((u) => u.loc.endsWith("/vendors/acme-cloud"))).toBe(true);
});

test("a cached vendor page costs no database query", async ({ request }) => {
  const secret = (
    await readFile(path.join(process.env.VENDORWATCH_DATA_DIR ?? ".data", "internal-secret"), "utf8")
  ).trim();
  const webQueries = async () =>
    (
      (await (await request.get("/api/internal/stats", { headers: { "x-vendorwatch-secret": secret } })).json()) as {
        queries: Record<string, number>;
      }
    ).queries["vendorwatch-web"] ?? 0;
  // The counter sees the web server's reads: a search is read from the database on every request.
  const counted = await webQueries();
  expect((await request.get(`/api/v1/vendors?q=acme-${Date.now()}`)).status()).toBe(200);
  expect(await webQueries()).toBeGreaterThan(counted);

  await request.get("/vendors/acme-cloud"); // warm
  await request.get("/vendors/acme-cloud", { headers: { "x-vendorwatch-bypass": "1" } });
  const before = await webQueries();
  for (let i = 0; i < 5; i++) {
    expect((await request.get("/vendors/acme-cloud")).status()).toBe(200);
    // Past the page cache, Next's own full-route cache must not query either.
    expect((await request.get("/vendors/acme-cloud", { headers: { "x-vendorwatch-bypass": "1" } })).status()).toBe(200);
  }
  expect((await webQueries()) - before).toBe(0);
});
