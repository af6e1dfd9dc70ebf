import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LARGE_VENDOR_SLUG } from "./support/vendor-fixtures";

/**
 * Cloudflare's recorded page: 467 components in 8 groups, one open incident. The page must be
 * usable at once, and its large groups must open from the keyboard with the same rows and strips
 * a small vendor shows.
 */
const page = `/vendors/${LARGE_VENDOR_SLUG}`;

test.beforeAll(async ({ request }) => {
  const components = async () => {
    const res = await request.get(`/api/v1/vendors/${LARGE_VENDOR_SLUG}`);
    return res.ok() ? ((await res.json()) as { components: unknown[] }).components.length : 0;
  };
  await expect.poll(components, { timeout: 60_000 }).toBe(467);
});

test("the large vendor's components and first incident are visible within 2 s", async ({ page: tab }) => {
  await tab.goto(page, { waitUntil: "commit" });
  const components = tab.getByRole("region", { name: "Components" });
  await expect(components.getByRole("button", { name: /^Cloudflare Sites and Services 117 components/ })).toBeVisible({
    timeout: 2000,
  });
  await expect(components.getByRole("button", { name: /^Oceania 14 components/ })).toBeVisible({ timeout: 2000 });
  const incidents = tab.getByRole("list", { name: "Current incidents" });
  await expect(incidents.getByRole("link", { name: "WARP connectivity" })).toBeVisible({ timeout: 2000 });
});

test("a collapsed group opens from the keyboard with every row and a strip that speaks", async ({ page: tab }) => {
  await tab.goto(page);
  const toggle = tab.getByRole("button", { name: /^Africa 35 components/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await tab.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const list = tab.getByRole("list", { name: "Africa components" });
  await expect(list.getByTestId("component-row")).toHaveCount(35);
  const row = list.getByTestId("component-row").filter({ hasText: "Harare, Zimbabwe - (HRE)" });
  await expect(row).toContainText("Partial outage");
  await row.getByRole("img", { name: /^Harare, Zimbabwe - \(HRE\): daily uptime over the last 90 days/ }).focus();
  await tab.keyboard.press("ArrowLeft");
  await expect(row.getByRole("status")).toHaveText(/^\d{4}-\d{2}-\d{2}: .*(uptime|no data)/);
  await toggle.focus();
  await tab.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(list).toBeHidden();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the large vendor with a group open has no detectable accessibility violations (${scheme})`, async ({
    page: tab,
  }) => {
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(page);
    await tab.getByRole("button", { name: /^Europe 59 components/ }).click();
    await expect(tab.getByRole("list", { name: "Europe components" }).getByTestId("component-row")).toHaveCount(59);
    const results = await new AxeBuilder({ page: tab })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  });
}
