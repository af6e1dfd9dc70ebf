import { type FixtureServer, fixture, startFixtureServer } from "@/test/fixture-server";
import { incidentStage, stagePayloads } from "@/test/support/statuspage-script";

/** The large vendor: Cloudflare's recorded page. */
export const LARGE_VENDOR_SLUG = "cloudflare-e2e";

export interface VendorFixtures {
  server: FixtureServer;
  vendors: Array<{ slug: string; name: string; url: string }>;
  /** The "acme" page posts an incident (real recorded updates, see statuspage-script.ts). */
  startIncident(): void;
  close(): Promise<void>;
}

/**
 * Vendors' status pages on loopback: one that will have an incident, two real pages as recorded
 * (bexio's, and Cloudflare's with 467 components, the large vendor), and one the browser tests
 * switch between operational and an incident.
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
