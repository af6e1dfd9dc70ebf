import { readFile } from "node:fs/promises";
import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { UNLISTED_PAGE } from "./support/vendor-fixtures";

/**
 * A new user's whole life, as issue 9 describes it: sign up from a vendor page with a magic link
 * (read from the Resend capture server scripts/e2e.ts runs, after a mail scanner fetched it), fill
 * the free plan by catalog search and a pasted status page URL, be refused the 11th, choose
 * components and settings, sign out and in again, export, delete.
 */
const RESEND = process.env.E2E_RESEND_URL ?? "";
const FIXTURES = process.env.E2E_FIXTURES_URL ?? "";

/** Followed by catalog search after the signup's vendor (seeded catalog and fixture vendors). */
const BY_SEARCH = ["Bexio", "Live Co", "GitHub", "Atlassian", "Datadog", "Netlify", "Sentry", "Twilio"];
const ELEVENTH = "Zoom";

// A step that cannot happen should fail at that step, not when the whole journey runs out of time.
test.use({ actionTimeout: 20_000 });

interface Captured {
  subject: string;
  text: string;
  html: string;
}

async function inbox(request: APIRequestContext, email: string): Promise<Captured[]> {
  const res = await request.get(`${RESEND}/__captured?${new URLSearchParams({ to: email })}`);
  return ((await res.json()) as { emails: Captured[] }).emails;
}

/** The sign-in link of the email that arrives after `seen` emails to the address. */
async function nextSignInLink(request: APIRequestContext, email: string, seen: number): Promise<string> {
  await expect.poll(async () => (await inbox(request, email)).length, { timeout: 20_000 }).toBeGreaterThan(seen);
  const mail = (await inbox(request, email)).at(-1) as Captured;
  expect(mail.subject).toBe("Sign in to Vendorwatch");
  const link = /https?:\/\/\S+\/login\/confirm\?\S+/.exec(mail.text)?.[0];
  expect(link, "the plain-text part carries the link").toBeTruthy();
  expect(mail.html).toContain(new URL(link as string).pathname);
  return link as string;
}

async function askForLink(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
}

const monitored = (page: Page) => page.getByRole("list", { name: "Monitored vendors" }).getByRole("listitem");
const vendorItem = (page: Page, name: string) =>
  monitored(page).filter({ has: page.getByRole("link", { name, exact: true }) });

async function followBySearch(page: Page, name: string) {
  const search = page.getByRole("combobox", { name: "Search the catalog" });
  await search.fill(name);
  await page
    .getByRole("option")
    .filter({ has: page.getByText(name, { exact: true }) })
    .first()
    .click();
}

test("sign up from a vendor page, fill the free plan, tune it, sign out and in, export, delete", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const email = `journey-${testInfo.project.name}-${Date.now()}@vendorwatch.test`;

  // Signed out, "Monitor Acme Cloud" leads through sign-in.
  await page.goto("/vendors/acme-cloud");
  await page.getByRole("button", { name: "Monitor Acme Cloud" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to monitor Acme Cloud" })).toBeVisible();
  await askForLink(page, email);
  const link = await nextSignInLink(request, email, 0);

  // A mail scanner fetches the link first; neither its HEAD nor its GET spends it.
  const head = await request.head(link, { maxRedirects: 0 });
  expect(head.status()).toBe(200);
  const scanned = await request.get(link, { maxRedirects: 0 });
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain(email);
  expect(scanned.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");

  await page.goto(link);
  await expect(page.getByText(`You are signing in as ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\?followed=acme-cloud$/);
  await expect(page.getByRole("status").filter({ hasText: "You are now monitoring Acme Cloud." })).toBeVisible();
  await expect(monitored(page)).toHaveCount(1);
  await expect(vendorItem(page, "Acme Cloud").getByRole("button", { name: "Remove" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Nine more: eight from the catalog, one pasted status page that nobody had added.
  for (const [i, name] of BY_SEARCH.entries()) {
    await followBySearch(page, name);
    await expect(page.getByRole("status").filter({ hasText: `You are now monitoring ${name}.` })).toBeVisible();
    await expect(monitored(page)).toHaveCount(i + 2);
    await expect(vendorItem(page, name).getByRole("button", { name: "Remove" })).toBeVisible();
  }
  await page.getByLabel("Or paste a status page URL").fill(`${FIXTURES}${UNLISTED_PAGE.path}`);
  await page.getByRole("button", { name: "Add status page" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `You are now monitoring ${UNLISTED_PAGE.name}.` }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(monitored(page)).toHaveCount(10);
  await expect(page.getByTestId("plan-usage")).toContainText("10 of 10 vendors");

  // The 11th is refused, and the page says why.
  await followBySearch(page, ELEVENTH);
  const refusal = page.getByRole("alert").filter({ hasText: "limit" });
  await expect(refusal).toContainText("10");
  await expect(monitored(page)).toHaveCount(10);
  await page.reload();
  await expect(monitored(page)).toHaveCount(10);
  await expect(vendorItem(page, ELEVENTH)).toHaveCount(0);

  // Two components of Acme Cloud.
  const acme = vendorItem(page, "Acme Cloud");
  await acme.getByText("Alert settings").click();
  const form = acme.getByRole("form", { name: "Alert settings for Acme Cloud" });
  await form.getByLabel("Only the ones I choose").check();
  await form.getByRole("checkbox", { name: "Webhooks" }).check();
  await form.getByRole("checkbox", { name: "API Requests" }).check();
  await form.getByLabel("Minimum impact").selectOption({ label: "Major impact and worse" });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(vendorItem(page, "Acme Cloud")).toContainText(/2 of \d+ components/);

  // Settings: a daily digest at 07:00, quiet hours.
  await page.goto("/settings");
  await page.getByRole("radio", { name: "Daily" }).check();
  await page.getByLabel("Hour", { exact: true }).selectOption({ label: "07:00" });
  await page.getByLabel("Hold instant alerts during quiet hours").check();
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Daily" })).toBeChecked();
  await expect(page.getByLabel("Hour", { exact: true })).toHaveValue("7");
  await expect(page.getByLabel("Critical outages still alert")).toBeVisible();

  // Sign out, and the dashboard is closed; the used link stays used.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/used/i);

  // Back in with a new link: everything is as it was.
  await page.goto("/login");
  await askForLink(page, email);
  await page.goto(await nextSignInLink(request, email, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(monitored(page)).toHaveCount(10);
  await expect(vendorItem(page, "Acme Cloud")).toContainText(/2 of \d+ components/);

  // Export: one JSON file with what was chosen.
  await page.goto("/settings");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^vendorwatch-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path()) as string, "utf8")) as {
    account: { email: string };
    preferences: { digest: string; digestHour: number; quietHours: boolean };
    subscriptions: Array<{ vendor: { name: string }; allComponents: boolean; components: string[] }>;
  };
  expect(exported.account.email).toBe(email);
  expect(exported.preferences).toMatchObject({ digest: "daily", digestHour: 7, quietHours: true });
  expect(exported.subscriptions.map((s) => s.vendor.name).sort()).toEqual(
    ["Acme Cloud", ...BY_SEARCH, UNLISTED_PAGE.name].sort(),
  );
  const acmeExported = exported.subscriptions.find((s) => s.vendor.name === "Acme Cloud");
  expect(acmeExported?.allComponents).toBe(false);
  // The page's own component ids (statuspage's) of Webhooks and API Requests.
  expect(acmeExported?.components.sort()).toEqual(["4230lsnqdsld", "brv1bkgrwx7q"]);

  // Delete, confirmed by typing the address; afterwards the account is gone.
  const session = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(session, "signed in with a database session").toBeTruthy();
  const remove = page.getByRole("button", { name: "Delete my account" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(`Type ${email} to confirm`).fill(email);
  await remove.click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
  // The browser dropped its cookie; the session it held is gone from the server as well.
  const withOldSession = await request.get("/settings/export", {
    headers: { cookie: `authjs.session-token=${session?.value}` },
    maxRedirects: 0,
  });
  expect(withOldSession.status()).toBe(401);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
