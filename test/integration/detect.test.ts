import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFetcher, type Fetcher } from "@/lib/net/fetch";
import { detectProvider, ProviderError } from "@/lib/providers/index";
import { fixture, startFixtureServer, type FixtureServer } from "../fixture-server";

let srv: FixtureServer;
let fetcher: Fetcher;
beforeAll(async () => {
  srv = await startFixtureServer();
  // Loopback fixture server: the private-network override is passed as an option, not via env.
  fetcher = createFetcher({ allowPrivateNetworks: true, retryBaseMs: 5, deadlineMs: 3000 });
});
afterAll(() => srv.close());
beforeEach(() => srv.reset());

const caught = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ProviderError,
  );

describe("detectProvider through the fixture server (vendor path prefixes)", () => {
  it("Statuspage by /api/v2/summary.json with a base36 page id", async () => {
    srv.set("/acme/api/v2/summary.json", { body: fixture("statuspage/github-summary-operational-2026-04.json") });
    expect(await detectProvider(`${srv.url}/acme/`, { fetcher })).toEqual({
      provider: "statuspage",
      endpoint: `${srv.url}/acme/api/v2/summary.json`,
      timeZone: "Etc/UTC",
      name: "GitHub",
    });
    // The incident.io proxy probe (docs/providers.md, "Detection", step 2) came first and 404ed.
    expect(srv.requests.map((r) => r.path)).toEqual([`/acme/proxy/127.0.0.1:${srv.port}`, "/acme/api/v2/summary.json"]);
  });

  it("incident.io's compatible layer by its ULID page id", async () => {
    srv.set("/openai/api/v2/summary.json", {
      body: fixture("incidentio/openai-statuspage-compat-summary-2026-07.json"),
    });
    const d = await detectProvider(`${srv.url}/openai`, { fetcher });
    expect(d).toMatchObject({ provider: "incidentio", endpoint: `${srv.url}/openai/api/v2/summary.json` });
  });

  it("incident.io native proxy (constructed summary shape from docs/providers.md, 'incident.io')", async () => {
    srv.set(`/pleo/proxy/127.0.0.1:${srv.port}`, {
      body: JSON.stringify({ summary: { id: "01JEV56RY0P76Q6QPHRZN5SJ9D", structure: { items: [] } } }),
    });
    expect(await detectProvider(`${srv.url}/pleo`, { fetcher })).toEqual({
      provider: "incidentio",
      endpoint: `${srv.url}/pleo/proxy/127.0.0.1:${srv.port}`,
    });
  });

  it("Instatus and Better Stack by their keys (constructed from docs/providers.md, 'Instatus' and 'Better Stack')", async () => {
    srv.set("/inst/summary.json", {
      body: JSON.stringify({ page: { status: "UP" }, activeIncidents: [], activeMaintenances: [] }),
    });
    srv.set("/bs/index.json", {
      body: JSON.stringify({ data: { type: "status_page", attributes: { aggregate_state: "operational" } } }),
    });
    expect(await detectProvider(`${srv.url}/inst`, { fetcher })).toMatchObject({
      provider: "instatus",
      endpoint: `${srv.url}/inst/summary.json`,
    });
    expect(await detectProvider(`${srv.url}/bs`, { fetcher })).toMatchObject({
      provider: "betterstack",
      endpoint: `${srv.url}/bs/index.json`,
    });
  });

  it("Statuspage by HTML markers (GOV.UK Notify home page) when the API is absent", async () => {
    srv.set("/notify", {
      body: fixture("statuspage/govuk-notify-index-page.html"),
      headers: { "content-type": "text/html" },
    });
    expect(await detectProvider(`${srv.url}/notify`, { fetcher })).toMatchObject({
      provider: "statuspage",
      endpoint: `${srv.url}/notify/api/v2/summary.json`,
    });
  });

  it("status.io by the page id in the HTML (constructed page), endpoint on the configured API base", async () => {
    srv.set("/gitlab", {
      body: '<html><script src="https://api.status.io/1.0/status/5b36dc6502d06804c0834a06"></script></html>',
    });
    const d = await detectProvider(`${srv.url}/gitlab`, { fetcher, statusioApiBase: `${srv.url}/statusio-api` });
    expect(d).toEqual({
      provider: "statusio",
      endpoint: `${srv.url}/statusio-api/1.0/status/5b36dc6502d06804c0834a06`,
    });
  });

  it("Cachet by /api/v1/components", async () => {
    srv.set("/yoti/api/v1/components", { body: fixture("cachet/yoti-v1-components.json") });
    expect(await detectProvider(`${srv.url}/yoti`, { fetcher })).toMatchObject({
      provider: "cachet",
      endpoint: `${srv.url}/yoti/api/v1/components`,
    });
  });

  it("a feed URL (StatusIQ) and a page linking a feed", async () => {
    srv.set("/kobv/rss", {
      body: fixture("rss/kobv-rss-major-outage.xml"),
      headers: { "content-type": "application/rss+xml" },
    });
    expect(await detectProvider(`${srv.url}/kobv/rss`, { fetcher })).toEqual({
      provider: "rss",
      endpoint: `${srv.url}/kobv/rss`,
    });
    srv.set("/plain", {
      body: '<html><head><link rel="alternate" type="application/rss+xml" href="/plain/feed.xml"></head></html>',
    });
    expect(await detectProvider(`${srv.url}/plain`, { fetcher })).toEqual({
      provider: "rss",
      endpoint: `${srv.url}/plain/feed.xml`,
    });
  });

  it("reports an unrecognised page with everything tried", async () => {
    srv.set("/nothing", { body: "<html>hello</html>" });
    srv.set("/nothing/api/v2/summary.json", { body: "<html>moved</html>" });
    const err = await caught(detectProvider(`${srv.url}/nothing`, { fetcher }));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err?.kind).toBe("unrecognised");
    expect(err?.tried).toEqual([
      `incidentio (/nothing/proxy/127.0.0.1:${srv.port}: 404)`,
      "statuspage (/nothing/api/v2/summary.json: not Statuspage JSON)",
      "instatus (/nothing/summary.json: 404)",
      "betterstack (/nothing/index.json: 404)",
      "statusio/statuspage html (/nothing: no markers)",
      "cachet (/nothing/api/v1/components: 404)",
      "rss (/nothing: no feed link)",
    ]);
    expect(err?.message).toMatch(/^unrecognised format: tried incidentio \(/);
  });

  it("reports an unreachable page as unreachable, and a private address as blocked", async () => {
    const gone = await startFixtureServer();
    await gone.close();
    const fast = createFetcher({ allowPrivateNetworks: true, retries: 0 });
    expect((await caught(detectProvider(`${gone.url}/x`, { fetcher: fast })))?.kind).toBe("unreachable");
    const guarded = createFetcher({ allowPrivateNetworks: false });
    const blocked = await caught(detectProvider(`${srv.url}/acme`, { fetcher: guarded }));
    expect(blocked?.kind).toBe("blocked");
    expect(srv.requests).toHaveLength(0);
  });
});

describe("detectProvider by host (no network)", () => {
  const never: Fetcher = () => Promise.reject(new Error("no fetch expected"));
  it.each([
    ["https://status.cloud.google.com/", "gcp", "https://status.cloud.google.com/incidents.json"],
    [
      "https://www.google.com/appsstatus/dashboard/",
      "gcp",
      "https://www.google.com/appsstatus/dashboard/incidents.json",
    ],
    ["https://status.firebase.google.com", "gcp", "https://status.firebase.google.com/incidents.json"],
    ["https://health.aws.amazon.com/health/status", "aws", "https://health.aws.amazon.com/public/currentevents"],
    ["https://azure.status.microsoft/en-us/status", "rss", "https://azure.status.microsoft/en-us/status/feed/"],
    ["https://status.slack.com/", "slack", "https://status.slack.com/api/v2.0.0/current"],
    ["https://status.heroku.com/", "heroku", "https://status.heroku.com/api/v4/current-status"],
    [
      "https://exoscalestatus.statuspal.io/",
      "statuspal",
      "https://statuspal.io/api/v2/status_pages/exoscalestatus/summary",
    ],
    ["https://foo.statuspal.eu", "statuspal", "https://statuspal.eu/api/v2/status_pages/foo/summary"],
    ["https://kctbh9vrtdwd.statuspage.io", "statuspage", "https://kctbh9vrtdwd.statuspage.io/api/v2/summary.json"],
    ["https://acme.instatus.com", "instatus", "https://acme.instatus.com/summary.json"],
    ["https://acme.betteruptime.com", "betterstack", "https://acme.betteruptime.com/index.json"],
  ])("%s -> %s", async (url, provider, endpoint) => {
    expect(await detectProvider(url, { fetcher: never })).toEqual({ provider, endpoint });
  });
});
