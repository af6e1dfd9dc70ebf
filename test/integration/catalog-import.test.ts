import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { CATALOG_PATH } from "@/lib/catalog";
import { parseCatalog } from "@/lib/catalog/entries";
import { importCatalog } from "@/lib/catalog/import";
import { configureDatabase, db } from "@/lib/db";
import { createIsolatedDatabase } from "@/test/support/db";
import { type TcpProxy, startTcpProxy } from "@/test/support/tcp-proxy";

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "vendorwatch", "--", ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

type Counts = { added: number; updated: number; skipped: number; invalid: number; errors: unknown[] };

describe("vendors import / export (CLI, the shipped catalog, its own database)", () => {
  let dir: string;
  let env: Record<string, string>;
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "vw-import-"));
    database = await createIsolatedDatabase();
    env = { VENDORWATCH_DATA_DIR: dir, DATABASE_URL: database.url, PORT: "3998" };
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("reports exact counts, and a second run adds nothing", async () => {
    // The shared catalog: 1,267 rows; 11 point at outage aggregators, 2 repeat another row's page.
    const rows = (await readFile(CATALOG_PATH, "utf8")).trim().split("\n").length - 1;
    expect(rows).toBe(1267);
    const first = await cli(["vendors", "import", CATALOG_PATH, "--json"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const counts = JSON.parse(first.stdout) as Counts;
    expect(Object.keys(counts)).toEqual(["added", "updated", "skipped", "invalid", "errors"]);
    expect(counts).toMatchObject({ added: 1254, updated: 0, skipped: 2, invalid: 11 });
    expect(counts.added + counts.updated + counts.skipped + counts.invalid).toBe(rows);
    expect(counts.errors).toHaveLength(11);
    expect(counts.errors).toContainEqual({
      row: 344,
      slug: "docker-inc",
      reason:
        "https://statusgator.com/services/docker is a third-party outage aggregator, not the vendor's own status page",
    });

    const second = JSON.parse((await cli(["vendors", "import", CATALOG_PATH, "--json"], env)).stdout) as Counts;
    expect(second).toMatchObject({ added: 0, updated: 0, skipped: 1256, invalid: 11 });

    const human = await cli(["vendors", "import", CATALOG_PATH], env);
    expect(human.stdout.split("\n")[0]).toBe("vendors.csv: 0 added, 0 updated, 1256 skipped, 11 invalid");
    expect(human.stdout).toContain("row 487 (google): same status page as row 491 (google-workspace)");
  });

  it("export writes the import format: importing it back changes nothing", async () => {
    const csv = await cli(["vendors", "export"], env);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("name,slug,status_page_url,provider,category");
    expect(lines).toHaveLength(1255);
    expect(lines).toContain("20i,20i,https://stackstatus.com,unknown,");
    expect(lines).toContain("ChargeOver,chargeover,https://status.chargeover.com,statuspage,Payments");
    const json = await cli(["vendors", "export", "--json"], env);
    const vendors = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(vendors).toHaveLength(1254);
    expect(vendors.find((v) => v.slug === "github")).toEqual({
      name: "GitHub",
      slug: "github",
      status_page_url: "https://www.githubstatus.com",
      provider: "statuspage",
      category: "Dev & CI",
    });
    for (const [name, content] of [
      ["export.csv", csv.stdout],
      ["export.json", json.stdout],
    ] as const) {
      await writeFile(path.join(dir, name), content);
      const again = JSON.parse(
        (await cli(["vendors", "import", path.join(dir, name), "--json"], env)).stdout,
      ) as Counts;
      expect(again).toEqual({ added: 0, updated: 0, skipped: 1254, invalid: 0, errors: [] });
    }
  });

  it("refuses an unusable file with one line and exit 2", async () => {
    await writeFile(path.join(dir, "bad.csv"), "title,url\nAcme,https://status.acme.test\n");
    const noColumns = await cli(["vendors", "import", path.join(dir, "bad.csv")], env);
    expect(noColumns.code).toBe(2);
    expect(noColumns.stderr.trim()).toBe(
      'error: bad.csv has no "name" column (expected name, slug, status_page_url, provider, category)',
    );
    await writeFile(path.join(dir, "bad.json"), '{"name": "Acme"}');
    const notArray = await cli(["vendors", "import", path.join(dir, "bad.json")], env);
    expect(notArray.stderr.trim()).toBe("error: bad.json must hold a JSON array of vendor objects");
    const missing = await cli(["vendors", "import", path.join(dir, "nope.csv")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^error: cannot read .*nope\.csv: no such file$/);
  });
});

describe("importCatalog (in-process, counting statements at the database)", () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(inject("databaseUrl"));
    configureDatabase(proxy.url);
  });
  afterAll(() => proxy.close());

  const statements = () => {
    const m = proxy.messages();
    return (m.P ?? 0) + (m.Q ?? 0);
  };

  it("writes thousands of rows in a handful of statements, and updates in bulk too", async () => {
    const tag = randomUUID().slice(0, 8);
    const row = (i: number, name = `Bulk ${tag} ${i}`) =>
      `${name},bulk-${tag}-${i},https://status-${i}.bulk-${tag}.test,statuspage,Bulk`;
    const csv = (rows: string[]) => `name,slug,status_page_url,provider,category\n${rows.join("\n")}\n`;
    const all = Array.from({ length: 2000 }, (_, i) => row(i));

    proxy.resetCounts();
    const first = await importCatalog(parseCatalog(csv(all), "csv"));
    expect(first).toMatchObject({ added: 2000, updated: 0, skipped: 0, invalid: 0 });
    expect(statements()).toBeLessThan(20);

    const renamed = all.map((r, i) => (i % 2 ? row(i, `Renamed ${tag} ${i}`) : r));
    proxy.resetCounts();
    const second = await importCatalog(parseCatalog(csv(renamed), "csv"));
    expect(second).toMatchObject({ added: 0, updated: 1000, skipped: 1000, invalid: 0 });
    expect(statements()).toBeLessThan(20);
    expect((await db.vendor.findUniqueOrThrow({ where: { slug: `bulk-${tag}-1` } })).name).toBe(`Renamed ${tag} 1`);
  });

  it("names the reason for every invalid or skipped row, and never re-points a user's vendor", async () => {
    const tag = randomUUID().slice(0, 8);
    await db.vendor.create({
      data: { slug: `mine-${tag}`, name: "Mine", statusPageUrl: `https://mine-${tag}.test`, userAdded: true },
    });
    const json = JSON.stringify([
      { name: `Good ${tag}`, slug: `good-${tag}`, status_page_url: `https://good-${tag}.test/`, provider: "unknown" },
      { name: "", slug: `empty-${tag}`, status_page_url: `https://empty-${tag}.test` },
      { name: "No URL", slug: `nourl-${tag}`, status_page_url: "" },
      { name: "Bad URL", slug: `badurl-${tag}`, status_page_url: "ftp://files.test" },
      { name: "Bad slug", slug: "Not A Slug", status_page_url: `https://slug-${tag}.test` },
      { name: "Odd provider", slug: `odd-${tag}`, status_page_url: `https://odd-${tag}.test`, provider: "pagerduty" },
      { name: "Again", slug: `good-${tag}`, status_page_url: `https://other-${tag}.test` },
      { name: "Same page", slug: `same-${tag}`, status_page_url: `https://good-${tag}.test` },
      { name: "Moves mine", slug: `mine-${tag}`, status_page_url: `https://elsewhere-${tag}.test` },
      { name: "Mine too", slug: `mine-too-${tag}`, status_page_url: `https://mine-${tag}.test` },
      "not an object",
    ]);
    const r = await importCatalog(parseCatalog(json, "json"));
    expect(r).toMatchObject({ added: 1, updated: 0, skipped: 2, invalid: 8 });
    expect(r.errors.map((e) => [e.row, e.reason])).toEqual([
      [2, "name is empty"],
      [3, "status_page_url is empty"],
      [4, "only http(s) status pages can be monitored: ftp://files.test"],
      [5, 'invalid slug "Not A Slug": use lower-case letters, digits and dashes'],
      [6, expect.stringMatching(/^unknown provider "pagerduty": one of statuspage, incidentio, /)],
      [7, `slug "good-${tag}" is used by row 1`],
      [9, `"mine-${tag}" is a vendor a user added for https://mine-${tag}.test; its page is not changed by an import`],
      [11, "name is empty"],
    ]);
    expect(r.notes.map((n) => [n.row, n.reason])).toEqual([
      [8, `same status page as row 1 (good-${tag})`],
      [10, `status page already monitored as "mine-${tag}"`],
    ]);
    const good = await db.vendor.findUniqueOrThrow({ where: { slug: `good-${tag}` } });
    expect(good).toMatchObject({ statusPageUrl: `https://good-${tag}.test`, provider: null, userAdded: false });
    const mine = await db.vendor.findUniqueOrThrow({ where: { slug: `mine-${tag}` } });
    expect(mine).toMatchObject({ name: "Mine", statusPageUrl: `https://mine-${tag}.test` });
  });

  it("a vendor whose page moved forgets the old page's endpoint and validators; one renamed keeps them", async () => {
    const tag = randomUUID().slice(0, 8);
    const learnt = {
      provider: "statuspage",
      apiEndpoint: `https://api.old-${tag}.test/v2`,
      fetchValidators: { [`https://old-${tag}.test/api`]: { hash: "h", etag: '"e"' } },
      etag: '"e"',
      lastModified: "Tue, 01 Dec 2026 00:00:00 GMT",
    };
    for (const which of ["moves", "stays"])
      await db.vendor.create({
        data: { slug: `${which}-${tag}`, name: which, statusPageUrl: `https://${which}-old-${tag}.test`, ...learnt },
      });
    const csv = [
      "name,slug,status_page_url,provider,category",
      `Moves,moves-${tag},https://moves-new-${tag}.test,instatus,`,
      `Stays renamed,stays-${tag},https://stays-old-${tag}.test,statuspage,`,
    ].join("\n");
    expect(await importCatalog(parseCatalog(`${csv}\n`, "csv"))).toMatchObject({ updated: 2 });
    const pick = { provider: true, apiEndpoint: true, fetchValidators: true, etag: true, lastModified: true } as const;
    expect(await db.vendor.findUniqueOrThrow({ where: { slug: `moves-${tag}` }, select: pick })).toEqual({
      provider: "instatus",
      apiEndpoint: null,
      fetchValidators: null,
      etag: null,
      lastModified: null,
    });
    expect(await db.vendor.findUniqueOrThrow({ where: { slug: `stays-${tag}` }, select: pick })).toEqual(learnt);
  });
});
