import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { POST } from "@/app/api/internal/backup/route";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { advertiseServer } from "@/lib/ops/backup";
import { createIsolatedDatabase } from "@/test/support/db";

// The running server's data directory, as this process's env.ts reads it (the snapshot route's secret).
const liveDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/vw-backup-live-${process.pid}`;
  process.env.VENDORWATCH_DATA_DIR = dir;
  return dir;
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/vendorwatch.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Vendors written with their poll run in one transaction: a consistent copy has as many of each. */
async function counts(url: string, tag: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const v = await client.query(`SELECT count(*)::int AS n FROM "Vendor" WHERE slug LIKE $1`, [`${tag}-%`]);
    const r = await client.query(
      `SELECT count(*)::int AS n FROM "PollRun" p JOIN "Vendor" v ON v.id = p."vendorId" WHERE v.slug LIKE $1`,
      [`${tag}-%`],
    );
    return { vendors: v.rows[0].n as number, runs: r.rows[0].n as number };
  } finally {
    await client.end();
  }
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "vw-backup-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(liveDir, { recursive: true, force: true });
});

// The embedded database is the subject here: the PostgreSQL run has nothing to add.
describe.skipIf(inject("databaseKind") === "postgres")("vendorwatch backup / restore (embedded)", () => {
  let live: EmbeddedDatabase;
  let front: http.Server;
  const dataDir = () => liveDir;

  it("copies the running database consistently, restores it, and refuses what would lose data", async () => {
    live = await startEmbeddedDatabase({ dataDir: dataDir(), advertise: true });
    await applyMigrations(live.url);
    // What `npm start` does: the snapshot route reaches this process's database, the CLI finds the port.
    Object.assign(globalThis, { vendorwatchSnapshot: () => live.snapshot() });
    const { internalSecret } = await import("@/lib/cache/invalidate");
    front = http.createServer((req, res) => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
      });
      void POST(request).then(async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(dataDir(), { recursive: true });
    await writeFile(path.join(dataDir(), "internal-secret"), "backup-test-secret-0123456789abcdef");
    expect(await internalSecret()).toBe("backup-test-secret-0123456789abcdef");
    await advertiseServer(dataDir(), (front.address() as AddressInfo).port);

    // Writes keep coming while the backup is taken.
    const tag = `bk${randomUUID().slice(0, 6)}`;
    const writer = new pg.Client({ connectionString: live.url });
    await writer.connect();
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        const slug = `${tag}-${written}`;
        await writer.query("BEGIN");
        const v = await writer.query(
          `INSERT INTO "Vendor" (id, slug, name, "statusPageUrl", "updatedAt") VALUES ($1, $2, $2, $3, now()) RETURNING id`,
          [randomUUID(), slug, `https://${slug}.test`],
        );
        await writer.query(
          `INSERT INTO "PollRun" (id, "vendorId", "startedAt", "durationMs", outcome) VALUES ($1, $2, now(), 1, 'unchanged')`,
          [randomUUID(), v.rows[0].id],
        );
        await writer.query("COMMIT");
        written++;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const file = path.join(root, "live.tar.gz");
    const backup = await cli(["backup", "--output", file], { VENDORWATCH_DATA_DIR: dataDir() });
    writing = false;
    await writes;
    await writer.end();
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/live\.tar\.gz: [\d.]+ MiB from the running server\n$/);

    const restoreDir = path.join(root, "restored");
    const restored = await cli(["restore", file], { VENDORWATCH_DATA_DIR: restoreDir });
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/^restored into .*restored; start Vendorwatch as usual\n$/);
    const copy = await startEmbeddedDatabase({ dataDir: restoreDir });
    const seen = await counts(copy.url, tag);
    await copy.stop();
    expect(seen.vendors).toBeGreaterThan(0);
    expect(seen.vendors).toBeLessThanOrEqual(written);
    expect(seen.runs).toBe(seen.vendors); // no half-written transaction in the copy

    const again = await cli(["restore", file], { VENDORWATCH_DATA_DIR: restoreDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a database: pass --force to replace it \(the old one is kept\)\n$/);
    const forced = await cli(["restore", file, "--force"], { VENDORWATCH_DATA_DIR: restoreDir });
    expect(forced.stdout).toMatch(/the database it held is kept in .*pglite\.before-restore-/);

    const whileRunning = await cli(["restore", file, "--force"], { VENDORWATCH_DATA_DIR: dataDir() });
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.stderr).toMatch(/^error: Vendorwatch is running on .* stop it before restoring\n$/);
    const notBackup = await cli(["restore", path.join(root, "..")], { VENDORWATCH_DATA_DIR: path.join(root, "x") });
    expect(notBackup.code).toBe(2);
  }, 120_000);

  it("copies a stopped database from its files, and sends PostgreSQL users to pg_dump", async () => {
    front.close();
    await live.stop();
    const file = path.join(root, "stopped.tar.gz");
    const backup = await cli(["backup", "-o", file], { VENDORWATCH_DATA_DIR: dataDir() });
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/from the files\n$/);
    const empty = await cli(["backup"], { VENDORWATCH_DATA_DIR: path.join(root, "nothing") });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: no embedded database in /);
    const onPostgres = await cli(["backup"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" });
    expect(onPostgres.code).toBe(2);
    expect(onPostgres.stderr.trim()).toBe(
      'error: DATABASE_URL is set: back PostgreSQL up with pg_dump --format=custom --file=vendorwatch.dump "$DATABASE_URL" (see docs/deploy.md)',
    );
  }, 60_000);
});

const exec = promisify(execFile);
const hasPgDump = await exec("pg_dump", ["--version"]).then(
  () => true,
  () => false,
);

describe.skipIf(inject("databaseKind") !== "postgres" || !hasPgDump)("pg_dump / pg_restore (docs/deploy.md)", () => {
  it("round-trips a Vendorwatch database with the documented commands", async () => {
    const source = await createIsolatedDatabase();
    const target = await createIsolatedDatabase();
    try {
      const tag = `pg${randomUUID().slice(0, 6)}`;
      const client = new pg.Client({ connectionString: source.url });
      await client.connect();
      for (let i = 0; i < 3; i++) {
        const v = await client.query(
          `INSERT INTO "Vendor" (id, slug, name, "statusPageUrl", "updatedAt") VALUES ($1, $2, $2, $3, now()) RETURNING id`,
          [randomUUID(), `${tag}-${i}`, `https://${tag}-${i}.test`],
        );
        await client.query(
          `INSERT INTO "PollRun" (id, "vendorId", "startedAt", "durationMs", outcome) VALUES ($1, $2, now(), 1, 'changed')`,
          [randomUUID(), v.rows[0].id],
        );
      }
      await client.end();
      const dump = path.join(root, "vendorwatch.dump");
      await exec("pg_dump", ["--format=custom", `--file=${dump}`, source.url]);
      await exec("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname", target.url, dump]);
      expect(await counts(target.url, tag)).toEqual({ vendors: 3, runs: 3 });
      // The restored database counts as migrated: a start applies nothing.
      expect(await applyMigrations(target.url)).toEqual([]);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 60_000);
});
