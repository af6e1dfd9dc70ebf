import { type FixtureServer, fixture, startFixtureServer } from "@/test/fixture-server";
import { incidentStage, stagePayloads } from "@/test/support/statuspage-script";

/** The large vendor: Cloudflare's recorded page. */
export const LARGE_VENDOR_SLUG = "cloudflare-e2e";

/**
 * A status page no one added: the accounts journey pastes its address on the dashboard, so the app
 * detects it and reads it then and there.
 */
export const UNLISTED_PAGE = { path: "/pasteboard", name: "Pasteboard Cloud" };

export interface VendorFixtures {
  server: FixtureServer;
  vendors: Array<{ slug: string; name: string; url: string }>;
  /** The "acme" page posts an incident (real recorded updates, see statuspage-script.ts). */
  startIncident(): void;
  close(): Promise<void>;
}

/**
 * Vendors' status pages on loopback: one that will have an incident, two real pages as recorded
 * (bexio's, and Cloudflare's with 467 components, the large vendor), one the browser tests
 * switch between operational and an incident, and one that is not added (UNLISTED_PAGE).
 */
export async function startVendorFixtures(): Promise<VendorFixtures> {
  const server = await startFixtureServer();
  const serveAcme = (payloads: ReturnType<typeof stagePayloads>) => {
    server.set("/acme/api/v2/summary.json", { body: payloads.summary });
    server.set("/acme/api/v2/incidents.json", { body: payloads.incidents });
    server.set("/acme/api/v2/scheduled-maintenances.json", { body: payloads.maintenances });
  };
  serveAcme(stagePayloads({}));
  // "Live Co" is switched by the browser tests themselves, through a control route.
  const serveLive = (state: string) => {
    const p = stagePayloads(
      state === "incident" ? { incident: incidentStage(1), componentStatus: { "8l4ygp009s5s": "major_outage" } } : {},
    );
    server.set("/live/api/v2/summary.json", { body: p.summary });
    server.set("/live/api/v2/incidents.json", { body: p.incidents });
    server.set("/live/api/v2/scheduled-maintenances.json", { body: p.maintenances });
  };
  serveLive("operational");
  for (const state of ["operational", "incident"]) {
    server.set(`/__control/live/${state}`, (_req, res) => {
      serveLive(state);
      res.writeHead(204).end();
    });
  }
  const unlisted = stagePayloads({});
  const renamed = (json: string) => {
    const payload = JSON.parse(json) as { page: Record<string, unknown> };
    payload.page = { ...payload.page, name: UNLISTED_PAGE.name, url: `${server.url}${UNLISTED_PAGE.path}` };
    return JSON.stringify(payload);
  };
  server.set(`${UNLISTED_PAGE.path}/api/v2/summary.json`, { body: renamed(unlisted.summary) });
  server.set(`${UNLISTED_PAGE.path}/api/v2/incidents.json`, { body: renamed(unlisted.incidents) });
  server.set(`${UNLISTED_PAGE.path}/api/v2/scheduled-maintenances.json`, { body: renamed(unlisted.maintenances) });
  server.set("/bexio/api/v2/summary.json", { body: fixture("statuspage/bexio-summary-minor-incident-2026-04.json") });
  server.set("/cloudflare/api/v2/summary.json", {
    body: fixture("statuspage/cloudflare-summary-minor-with-maintenances-2026-04.json"),
  });
  return {
    server,
    vendors: [
      { slug: "acme-cloud", name: "Acme Cloud", url: `${server.url}/acme` },
      { slug: "bexio-e2e", name: "Bexio", url: `${server.url}/bexio` },
      { slug: "live-co", name: "Live Co", url: `${server.url}/live` },
      { slug: LARGE_VENDOR_SLUG, name: "Cloudflare", url: `${server.url}/cloudflare` },
    ],
    startIncident: () =>
      serveAcme(stagePayloads({ incident: incidentStage(2), componentStatus: { "8l4ygp009s5s": "partial_outage" } })),
    close: () => server.close(),
  };
}
