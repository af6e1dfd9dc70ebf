import { type FixtureServer, fixture, startFixtureServer } from "@/test/fixture-server";
import { incidentStage, stagePayloads } from "@/test/support/statuspage-script";

export interface VendorFixtures {
  server: FixtureServer;
  vendors: Array<{ slug: string; name: string; url: string }>;
  /** The "acme" page posts an incident (real recorded updates, see statuspage-script.ts). */
  startIncident(): void;
  close(): Promise<void>;
}

/** Two vendors' status pages on loopback: one that will have an incident, one (bexio's real page) as recorded. */
export async function startVendorFixtures(): Promise<VendorFixtures> {
  const server = await startFixtureServer();
  const serveAcme = (payloads: ReturnType<typeof stagePayloads>) => {
    server.set("/acme/api/v2/summary.json", { body: payloads.summary });
    server.set("/acme/api/v2/incidents.json", { body: payloads.incidents });
    server.set("/acme/api/v2/scheduled-maintenances.json", { body: payloads.maintenances });
  };
  serveAcme(stagePayloads({}));
  server.set("/bexio/api/v2/summary.json", { body: fixture("statuspage/bexio-summary-minor-incident-2026-04.json") });
  return {
    server,
    vendors: [
      { slug: "acme-cloud", name: "Acme Cloud", url: `${server.url}/acme` },
      { slug: "bexio-e2e", name: "Bexio", url: `${server.url}/bexio` },
    ],
    startIncident: () => serveAcme(stagePayloads({ incident: incidentStage(2), componentStatus: { "8l4ygp009s5s": "partial_outage" } })),
    close: () => server.close(),
  };
}
