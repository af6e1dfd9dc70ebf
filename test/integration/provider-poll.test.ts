import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFetcher, type Fetcher } from "@/lib/net/fetch";
import { detectProvider, pollProvider, type PollOutcome, type Validators } from "@/lib/providers/index";
import { fixture, startFixtureServer, type FixtureServer } from "../fixture-server";

let srv: FixtureServer;
let fetcher: Fetcher;
beforeAll(async () => {
  srv = await startFixtureServer();
  fetcher = createFetcher({ allowPrivateNetworks: true, retryBaseMs: 5, deadlineMs: 1500, connectTimeoutMs: 500 });
});
afterAll(() => srv.close());
beforeEach(() => srv.reset());

const API = "/acme/api/v2";
function serveGithub() {
  srv.set(`${API}/summary.json`, { body: fixture("statuspage/github-summary-incident-2023-05-11T1402.json") });
  srv.set(`${API}/incidents.json`, { body: fixture("statuspage/github-incidents-excerpt-2024-09.json") });
  srv.set(`${API}/scheduled-maintenances.json`, {
    body: fixture("statuspage/claude-scheduled-maintenances-completed.json"),
  });
}
const target = () => ({
  statusPageUrl: `${srv.url}/acme`,
  provider: "statuspage" as const,
  endpoint: `${srv.url}${API}/summary.json`,
});
function snap(o: PollOutcome) {
  if (o.kind !== "snapshot")
    throw new Error(`expected snapshot, got ${o.kind}: ${o.kind === "error" ? o.error.message : ""}`);
  return o;
}
function errorOf(o: PollOutcome) {
  if (o.kind !== "error") throw new Error(`expected error, got ${o.kind}`);
  return o.error;
}

describe("pollProvider: statuspage end to end", () => {
  it("detects, then fetches summary + incidents + maintenances and merges them", async () => {
    serveGithub();
    const d = await detectProvider(`${srv.url}/acme`, { fetcher });
    const o = snap(await pollProvider({ statusPageUrl: `${srv.url}/acme`, ...d }, { fetcher }));
    expect(o.snapshot.status).toBe("degraded");
    expect(o.snapshot.incidents.map((i) => i.id)).toEqual(["nf7s6933tnn8", "69sb0f8lydp4", "r3x7x31k7nn1"]);
    expect(o.snapshot.maintenances.map((m) => m.id)).toEqual(["x017628t2rl5", "16z0qdmy3qv2"]);
    expect(Object.keys(o.validators)).toHaveLength(3);
  });

  it("answers unchanged on 304s, and refetches 304'd URLs when another changed", async () => {
    serveGithub();
    const first = snap(await pollProvider(target(), { fetcher }));
    srv.requests.length = 0;
    const second = await pollProvider(target(), { fetcher, validators: first.validators });
    expect(second.kind).toBe("unchanged");
    expect(srv.requests.every((r) => typeof r.headers["if-none-match"] === "string")).toBe(true);
    // incidents.json changes; the two 304'd resources must be fetched again in full.
    srv.set(`${API}/incidents.json`, { body: fixture("statuspage/discord-incidents-excerpt-2022-02.json") });
    srv.requests.length = 0;
    const third = snap(
      await pollProvider(target(), { fetcher, validators: (second as { validators: Validators }).validators }),
    );
    expect(third.snapshot.incidents.map((i) => i.id)).toEqual(["nf7s6933tnn8", "n4njzfn1mqy0"]);
    expect(third.snapshot.components).toHaveLength(10);
    expect(srv.count(`${API}/summary.json`)).toBe(2);
    expect(srv.requests.filter((r) => r.headers["if-none-match"] === undefined)).toHaveLength(2);
  });

  it("answers unchanged by body hash when the server has no validators", async () => {
    srv.set(`${API}/summary.json`, {
      body: fixture("statuspage/github-summary-operational-2026-04.json"),
      etag: false,
    });
    const first = snap(await pollProvider(target(), { fetcher }));
    expect(first.validators[`${srv.url}${API}/incidents.json`]?.hash).toBe("absent:404"); // optional, absent
    const again = await pollProvider(target(), { fetcher, validators: first.validators });
    expect(again.kind).toBe("unchanged");
  });

  it("uses Last-Modified when there is no ETag", async () => {
    srv.set(`${API}/summary.json`, {
      body: fixture("statuspage/github-summary-operational-2026-04.json"),
      etag: false,
      lastModified: new Date("2026-04-21T00:00:00Z"),
    });
    const first = snap(await pollProvider(target(), { fetcher }));
    expect(first.validators[`${srv.url}${API}/summary.json`]?.lastModified).toBe("Tue, 21 Apr 2026 00:00:00 GMT");
    srv.requests.length = 0;
    expect((await pollProvider(target(), { fetcher, validators: first.validators })).kind).toBe("unchanged");
    expect(srv.requests[0]?.headers["if-modified-since"]).toBe("Tue, 21 Apr 2026 00:00:00 GMT");
  });
});

describe("pollProvider: faults always give an error outcome of the right kind", () => {
  const summary = `${API}/summary.json`;
  it("5xx is retried (3 requests) then http_error", async () => {
    srv.set(summary, { status: 503, body: "unavailable" });
    expect(errorOf(await pollProvider(target(), { fetcher }))).toMatchObject({ kind: "http_error", status: 503 });
    expect(srv.count(summary)).toBe(3);
  });
  it("4xx is not retried", async () => {
    expect(errorOf(await pollProvider(target(), { fetcher }))).toMatchObject({ kind: "http_error", status: 404 });
    expect(srv.count(summary)).toBe(1);
  });
  it("a server that never answers is a timeout", async () => {
    srv.set(summary, { fault: "timeout" });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("timeout");
  });
  it("a dripping body is a timeout", async () => {
    srv.set(summary, {
      body: fixture("statuspage/github-summary-operational-2026-04.json"),
      fault: "drip",
      dripMs: 30,
    });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("timeout");
  });
  it("garbage is invalid_payload, never a snapshot", async () => {
    srv.set(summary, { fault: "garbage" });
    const e = errorOf(await pollProvider(target(), { fetcher }));
    expect(e.kind).toBe("invalid_payload");
    expect(e.message).toMatch(/not JSON/);
  });
  it("JSON cut short by the upstream is invalid_payload", async () => {
    const full = fixture("statuspage/github-summary-operational-2026-04.json").toString();
    srv.set(summary, { body: full.slice(0, 1000) });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("invalid_payload");
  });
  it("a connection dropped mid-body is unreachable", async () => {
    srv.set(summary, { body: fixture("statuspage/github-summary-operational-2026-04.json"), fault: "truncate" });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("unreachable");
  });
  it("valid JSON of the wrong shape is invalid_payload", async () => {
    srv.set(summary, { body: fixture("heroku/current-status-maintenance-2020.json") });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("invalid_payload");
  });
  it("a huge body is too_large, declared or streamed", async () => {
    srv.set(summary, { body: "x".repeat(6 * 1024 * 1024) });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("too_large");
    srv.set(summary, { fault: "huge" });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("too_large");
  });
  it("a connection reset is unreachable", async () => {
    srv.set(summary, { fault: "reset" });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("unreachable");
  });
  it("a redirect loop is http_error", async () => {
    srv.set(summary, { redirect: `${API}/loop.json` });
    srv.set(`${API}/loop.json`, { redirect: summary });
    expect(errorOf(await pollProvider(target(), { fetcher })).kind).toBe("http_error");
  });
  it("a redirect to a blocked address is blocked", async () => {
    srv.set(summary, { redirect: "http://169.254.169.254/latest/meta-data/" });
    const guarded = createFetcher({ allowPrivateNetworks: false, allowAddresses: ["127.0.0.1"] });
    expect(errorOf(await pollProvider(target(), { fetcher: guarded })).kind).toBe("blocked");
  });
  it("a page on a private address is blocked without the override", async () => {
    const guarded = createFetcher({ allowPrivateNetworks: false });
    expect(errorOf(await pollProvider(target(), { fetcher: guarded })).kind).toBe("blocked");
    expect(srv.requests).toHaveLength(0);
  });
});

describe("pollProvider: other providers through the fixture server", () => {
  it.each([
    ["gcp", "/gcp/incidents.json", "gcp/incidents-2022-07.json", 157],
    ["heroku", "/heroku/api/v4/current-status", "heroku/current-status-maintenance-2020.json", 0],
    ["slack", "/slack/api/v2.0.0/current", "slack/current-active-incident-2020.json", 2],
  ] as const)("%s", async (provider, path, file, incidents) => {
    srv.set(path, { body: fixture(file), gzip: true });
    const base = `${srv.url}/${provider}`;
    const o = snap(await pollProvider({ statusPageUrl: base, provider }, { fetcher }));
    expect(o.snapshot.provider).toBe(provider);
    expect(o.snapshot.incidents).toHaveLength(incidents);
  });

  it("statuspal, status.io, cachet and rss via stored endpoints", async () => {
    srv.set("/pal/summary", { body: fixture("statuspal/maslak-summary-major.json") });
    srv.set("/sio/1.0/status/abc", { body: fixture("statusio/gitlab-status-maintenance.json") });
    srv.set("/yoti/api/v1/components", { body: fixture("cachet/yoti-v1-components.json") });
    srv.set("/kobv.rss", { body: fixture("rss/kobv-rss-major-outage.xml") });
    const cases = [
      { provider: "statuspal" as const, endpoint: `${srv.url}/pal/summary`, status: "major_outage" },
      { provider: "statusio" as const, endpoint: `${srv.url}/sio/1.0/status/abc`, status: "maintenance" },
      { provider: "cachet" as const, endpoint: `${srv.url}/yoti/api/v1/components`, status: "operational" },
      { provider: "rss" as const, endpoint: `${srv.url}/kobv.rss`, status: "major_outage" },
    ];
    for (const c of cases) {
      const o = snap(
        await pollProvider({ statusPageUrl: srv.url, provider: c.provider, endpoint: c.endpoint }, { fetcher }),
      );
      expect(o.snapshot.status).toBe(c.status);
    }
  });

  it("incident.io native proxy: summary + incidents", async () => {
    const proxy = `/pleo/proxy/127.0.0.1:${srv.port}`;
    srv.set(proxy, {
      body: JSON.stringify({
        summary: { structure: { items: [] }, components: [{ id: "01JEV56RY027PA4NYX5H2RNAMC", name: "Invoices" }] },
      }),
    });
    srv.set(`${proxy}/incidents`, { body: fixture("incidentio/pleo-proxy-incidents-excerpt-2026-01.json") });
    const o = snap(
      await pollProvider(
        { statusPageUrl: `${srv.url}/pleo`, provider: "incidentio", endpoint: `${srv.url}${proxy}` },
        { fetcher },
      ),
    );
    expect(o.snapshot.components).toEqual([
      { id: "01JEV56RY027PA4NYX5H2RNAMC", name: "Invoices", group: null, status: "operational" },
    ]);
    expect(o.snapshot.incidents[0]?.url).toBe(`${srv.url}/pleo/incidents/01KG77ZCW3ZCZBXCRP47BT0KFG`);
    expect(o.snapshot.maintenances).toHaveLength(1);
  });
});
