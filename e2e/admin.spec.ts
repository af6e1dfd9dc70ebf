import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sessions";

/** The operator console: ADMIN_EMAILS only (scripts/e2e.ts sets it); everyone else gets a 404. */
const ADMIN = "ops-admin@vendorwatch.test";

test("the console is a 404 for visitors and for signed-in users who are not admins", async ({
  page,
  context,
  baseURL,
}) => {
  for (const path of ["/admin", "/admin/vendors/acme-cloud"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await signInAs(context, baseURL as string, "someone@vendorwatch.test");
  for (const path of ["/admin", "/admin/vendors/acme-cloud"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Operator console" })).toHaveCount(0);
  }
});

test("an admin sees poller health, failing vendors, notifications and the catalog, and acts on a vendor", async ({
  page,
  context,
  baseURL,
}) => {
  await signInAs(context, baseURL as string, ADMIN.toUpperCase());
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Operator console" })).toBeVisible();
  for (const name of ["Poller health", /^Failing or stale vendors/, "Notifications", "Catalog"])
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByTestId("health-summary")).toContainText("database ok");
  await expect(page.getByRole("table", { name: "Pollers" })).toContainText("scheduler");

  await page.getByRole("searchbox", { name: "Find a vendor" }).fill("acme");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("list", { name: "Vendors found" }).getByRole("link", { name: "Acme Cloud" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Cloud" })).toBeVisible();

  await page.getByRole("button", { name: "Poll now" }).click();
  await expect(page.getByRole("status")).toContainText(/^Polled: /);
  const history = page.getByRole("table", { name: "Poll history" });
  await expect(history).toBeVisible();
  // The newest run is the poll just made: a real duration and what the page answered.
  const newest = history.getByRole("row").nth(1).getByRole("cell");
  await expect(newest.nth(1)).toHaveText(/^(changed|unchanged|not modified)$/);
  await expect(newest.nth(2)).toHaveText(/^[1-9]\d* ms$/);
  await expect(newest.nth(3)).toHaveText(/^(200|304)$/);

  await page.getByRole("button", { name: "Disable vendor" }).click();
  await expect(page.getByRole("status")).toContainText("is disabled: it is not polled.");
  await page.getByRole("button", { name: "Enable vendor" }).click();
  await expect(page.getByRole("status")).toContainText("is enabled and polled next.");

  await page.getByRole("button", { name: "Re-detect provider" }).click();
  await expect(page.getByRole("status")).toContainText(/^(Confirmed|Re-detected): statuspage at /);
});
