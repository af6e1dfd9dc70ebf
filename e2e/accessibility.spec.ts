import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** WCAG 2.1 A/AA rules axe can check automatically, on every public page type, light and dark. */
const PAGES = ["/", "/vendors", "/vendors?q=acme", "/vendors/acme-cloud", "/status"];

for (const scheme of ["light", "dark"] as const) {
  for (const path of PAGES) {
    test(`${path} has no detectable accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
      expect(summary).toEqual([]);
    });
  }
}

test("the incident page has no detectable accessibility violations", async ({ page, request }) => {
  const incidentId = async () =>
    ((await (await request.get("/api/v1/vendors/acme-cloud")).json()) as { incidents: Array<{ id: string }> })
      .incidents[0]?.id;
  await expect.poll(incidentId, { timeout: 60_000 }).toBeTruthy();
  const id = await incidentId();
  await page.goto(`/vendors/acme-cloud/incidents/${id}`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("uptime strips work from the keyboard and say each day in words", async ({ page }) => {
  await page.goto("/vendors/acme-cloud");
  const strip = page.getByRole("img", { name: /Git Operations: daily uptime over the last 90 days/ });
  await strip.focus();
  await page.keyboard.press("ArrowLeft");
  const row = page.getByTestId("component-row").filter({ hasText: "Git Operations" });
  await expect(row.getByRole("status")).toHaveText(/^\d{4}-\d{2}-\d{2}: .*(uptime|no data)/);
  await page.keyboard.press("Escape");
  await expect(row.getByRole("status")).toHaveText("");
});
