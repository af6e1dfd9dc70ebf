import { expect, test } from "@playwright/test";

/**
 * An open vendor page follows the vendor without a reload: the fixture vendor "Live Co" posts an
 * incident, the app's scheduler polls it, and the page's live island shows it.
 */
const control = (state: "operational" | "incident") => fetch(`${process.env.E2E_FIXTURES_URL}/__control/live/${state}`);

test("a vendor page shows a new outage while it is open", async ({ page, request }) => {
  await control("operational");
  await expect
    .poll(async () => ((await (await request.get("/api/v1/vendors/live-co")).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe("operational");
  await page.goto("/vendors/live-co");
  await expect(page.getByTestId("vendor-status")).toContainText("Operational");
  // Mark the document: a reload would lose this.
  await page.evaluate(() => Object.assign(window, { vendorwatchNoReload: true }));

  await control("incident");
  await expect(page.getByTestId("vendor-status")).toContainText("Partial outage", { timeout: 90_000 });
  await expect(page.getByRole("link", { name: "Emma Application is currently down" }).first()).toBeVisible({
    timeout: 30_000,
  });
  expect(await page.evaluate(() => (window as unknown as { vendorwatchNoReload?: boolean }).vendorwatchNoReload)).toBe(
    true,
  );
});
