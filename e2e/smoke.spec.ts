import { expect, test } from "@playwright/test";

test("the home page renders with live counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("vendor");
  await expect(page.getByTestId("count-monitored")).not.toHaveText("0");
});

test("a seeded catalog vendor's page renders", async ({ page }) => {
  const response = await page.goto("/vendors/github");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("GitHub");
  await expect(page.getByRole("link", { name: /official status page/i })).toHaveAttribute(
    "href",
    "https://www.githubstatus.com",
  );
});

test("an unknown vendor is a 404 page", async ({ page }) => {
  const response = await page.goto("/vendors/no-such-vendor-anywhere");
  expect(response?.status()).toBe(404);
});

test("the local outbox is not served in production: it holds other people's sign-in links", async ({ request }) => {
  for (const path of ["/dev/emails", "/dev/emails/preview/sign-in"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
