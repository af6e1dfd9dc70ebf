import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCommand } from "@/lib/cli/check";
import { createFetcher } from "@/lib/net/fetch";
import { fixture, startFixtureServer, type FixtureServer } from "../fixture-server";

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
  srv.set("/acme/api/v2/summary.json", { body: fixture("statuspage/bexio-summary-minor-incident-2026-04.json") });
  srv.set("/gcp/incidents.json", { body: fixture("gcp/incidents-2022-07.json") });
  srv.set("/bad/api/v2/summary.json", { fault: "garbage" });
});
afterAll(() => srv.close());

async function run(args: string[], fetcher = createFetcher({ allowPrivateNetworks: true, retryBaseMs: 5 })) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s), fetcher });
  return { code, out, err };
}

describe("vendorwatch check", () => {
  it("--json prints exactly one Snapshot object", async () => {
    const r = await run(["check", `${srv.url}/acme`, "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const snap = JSON.parse(r.out[0] ?? "") as Record<string, unknown>;
    expect(Object.keys(snap)).toEqual(["provider", "status", "components", "incidents", "maintenances"]);
    expect(snap).toMatchObject({ provider: "statuspage", status: "degraded" });
  });

  it("prints a readable summary, with --provider skipping detection", async () => {
    const r = await run([`${srv.url}/gcp`, "--provider", "gcp"]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/: operational \(gcp\)/);
    expect(r.out[0]).toMatch(/incidents: 0 open, 157 resolved/);
  });

  it("failures are one stderr line and exit 1", async () => {
    const bad = await run([`${srv.url}/bad`, "--provider", "statuspage", "--json"]);
    expect(bad).toMatchObject({ code: 1, out: [] });
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toMatch(/^error: invalid payload: /);
    const none = await run([`${srv.url}/nothing`]);
    expect(none.err[0]).toMatch(
      /^error: unrecognised format: tried incidentio \(\/nothing\/proxy\/127\.0\.0\.1:\d+: 404\), statuspage/,
    );
    const blocked = await run(["http://10.0.0.1/"], createFetcher({ allowPrivateNetworks: false }));
    expect(blocked).toMatchObject({
      code: 1,
      err: ["error: blocked address: http://10.0.0.1/ is a private network address"],
    });
  });

  // VENDORWATCH_ALLOW_PRIVATE_NETWORKS is read once by env.ts at start; test/integration/cli.test.ts
  // runs the real command with and without it.

  it("usage errors exit 2", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["a", "b"])).code).toBe(2);
    expect((await run(["http://x", "--provider", "nope"])).code).toBe(2);
    expect((await run(["http://x", "--bogus"])).code).toBe(2);
  });
});
