import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, fixture, startFixtureServer } from "@/test/fixture-server";
import { incidentStage, stagePayloads } from "@/test/support/statuspage-script";

/** Runs the CLI exactly as a user or an outside check does, on its own embedded database. */
function cli(
  args: string[],
  env: Record<string, string>,
  npmArgs = ["run", "--silent", "vendorwatch", "--"],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", [...npmArgs, ...args], { env: { ...process.env, ...env }, cwd: process.cwd() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let srv: FixtureServer;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  srv = await startFixtureServer();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vw-cli-"));
  env = { VENDORWATCH_DATA_DIR: dataDir, VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "1", DATABASE_URL: "", PORT: "3999" };
  const p = stagePayloads({});
  srv.set("/cli/api/v2/summary.json", { body: p.summary });
  srv.set("/cli/api/v2/incidents.json", { body: p.incidents });
  srv.set("/cli/api/v2/scheduled-maintenances.json", { body: p.maintenances });
  srv.set("/bexio/api/v2/summary.json", { body: fixture("statuspage/bexio-summary-minor-incident-2026-04.json") });
});
afterAll(async () => {
  await srv.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("vendorwatch CLI", () => {
  it("check prints exactly one snapshot object", async () => {
    const r = await cli(["check", `${srv.url}/bexio`, "--json"], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const snapshot = JSON.parse(r.stdout) as {
      provider: string;
      status: string;
      incidents: Array<{ status: string; startedAt: string }>;
    };
    expect(snapshot.provider).toBe("statuspage");
    expect(snapshot.status).toBe("degraded");
    expect(snapshot.incidents[0]?.status).toBe("investigating");
    expect(snapshot.incidents[0]?.startedAt).toMatch(/Z$/);
  });

  it("check refuses a private address without the override, in one line", async () => {
    const r = await cli(["check", "http://10.0.0.1/", "--json"], { ...env, VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "0" });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/blocked/i);
  });

  it("vendors add detects, validates, stores; a duplicate names the existing vendor", async () => {
    const added = await cli(["vendors", "add", `${srv.url}/cli`, "--name", "Acme Cloud", "--json"], env);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      slug: "acme-cloud",
      name: "Acme Cloud",
      provider: "statuspage",
      status: "operational",
    });

    const again = await cli(["vendors", "add", `${srv.url}/cli/`], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`error: ${srv.url}/cli is already monitored as "Acme Cloud" (acme-cloud)`);
  });

  it("vendors add refuses a page nobody can parse, storing nothing", async () => {
    srv.set("/nothing", { body: "<html><body>hello</body></html>", headers: { "content-type": "text/html" } });
    const r = await cli(["vendors", "add", `${srv.url}/nothing`], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unrecognised/);
  });

  it("poll --once --vendor reports the change, then nothing on the same payload", async () => {
    const p = stagePayloads({ incident: incidentStage(1) });
    srv.set("/cli/api/v2/summary.json", { body: p.summary });
    srv.set("/cli/api/v2/incidents.json", { body: p.incidents });
    const first = await cli(["poll", "--once", "--vendor", "acme-cloud", "--json"], env);
    expect(first.stderr).toBe("");
    const report = JSON.parse(first.stdout) as {
      polled: number;
      changed: number;
      failed: number;
      changes: Array<{ event: string; vendor: string }>;
    };
    expect(report).toMatchObject({ polled: 1, changed: 1, failed: 0 });
    expect(report.changes.map((c) => c.event)).toEqual(["vendor/incident.created"]);
    const second = JSON.parse(
      (await cli(["poll", "--once", "--vendor", "acme-cloud", "--json"], env)).stdout,
    ) as typeof report;
    expect(second).toMatchObject({ polled: 1, changed: 0, failed: 0, changes: [] });
  });

  it("an unknown command or bad config is one clear line", async () => {
    const unknown = await cli(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    const badPort = await cli(["poll", "--once"], { ...env, PORT: "abc" });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr.trim()).toBe("error: Invalid environment variable PORT: must be a number");
  });

  it("npm start stops on bad configuration with one clear line, not a stack trace", async () => {
    for (const [bad, message] of [
      [{ PORT: "abc" }, "error: Invalid environment variable PORT: must be a number"],
      [
        { DATABASE_URL: "mysql://localhost/x" },
        "error: Invalid environment variable DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
      ],
      [
        { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" },
        "error: Cannot reach the database at DATABASE_URL (127.0.0.1:1/nowhere): connect ECONNREFUSED 127.0.0.1:1",
      ],
    ] as const) {
      const r = await cli([], { ...env, ...bad }, ["run", "--silent", "start"]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(message);
      expect(r.stdout).toBe("");
    }
  });
});
