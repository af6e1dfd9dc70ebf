import { mkdir, readFile, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { findRunningEmbedded, startEmbeddedDatabase } from "@/lib/db/embedded";
import { UserError } from "@/lib/errors";

/**
 * Backups of the embedded database: a gzipped tar of PGlite's files, taken consistently. While
 * Vendorwatch runs, the running server takes it between queries and outside any transaction;
 * otherwise this process opens the files itself, advertising them as in use, so an `npm start`
 * meanwhile refuses to open them too. PostgreSQL is backed up with pg_dump (docs/deploy.md).
 */
const serverFile = (dataDir: string) => path.join(dataDir, "server.json");

/** Written by `npm start` once it serves: where the CLI reaches the running app. */
export async function advertiseServer(dataDir: string, port: number): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(serverFile(dataDir), JSON.stringify({ port, pid: process.pid }));
  return () => unlink(serverFile(dataDir)).catch(() => undefined);
}

async function snapshotFromServer(dataDir: string, pid: number, secret: string | null): Promise<Buffer> {
  const info = await readFile(serverFile(dataDir), "utf8")
    .then((t) => JSON.parse(t) as { port: number; pid: number })
    .catch(() => null);
  const refuse = (why: string) =>
    new UserError(`Vendorwatch is running on ${dataDir} (pid ${pid}) but ${why}: retry once it serves, or stop it`);
  if (!info || info.pid !== pid || !secret) throw refuse("its web server has not started yet");
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${info.port}/api/internal/backup`, {
      method: "POST",
      headers: { "x-vendorwatch-secret": secret },
      signal: AbortSignal.timeout(10 * 60_000),
    });
  } catch {
    throw refuse(`its web server does not answer on port ${info.port}`);
  }
  if (!res.ok) throw refuse(`its web server refused the backup (${res.status})`);
  return Buffer.from(await res.arrayBuffer());
}

export async function backupEmbedded(
  dataDir: string,
  secret: string | null,
): Promise<{ snapshot: Buffer; from: "running server" | "files" }> {
  const running = await findRunningEmbedded(dataDir);
  if (running) return { snapshot: await snapshotFromServer(dataDir, running.pid, secret), from: "running server" };
  const files = await readdir(path.join(dataDir, "pglite")).catch(() => []);
  if (!files.length) throw new UserError(`no embedded database in ${dataDir} (set VENDORWATCH_DATA_DIR)`, 2);
  const db = await startEmbeddedDatabase({ dataDir, advertise: true });
  try {
    return { snapshot: await db.snapshot(), from: "files" };
  } finally {
    await db.stop();
  }
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Restores a backup into the data directory. Refuses while Vendorwatch runs on it, and refuses to
 * overwrite a database unless forced (the old one is then kept beside it, renamed).
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  opts: { force?: boolean } = {},
): Promise<{ keptAs: string | null }> {
  const running = await findRunningEmbedded(dataDir);
  if (running)
    throw new UserError(`Vendorwatch is running on ${dataDir} (pid ${running.pid}): stop it before restoring`);
  const bytes = await readFile(file).catch(() => {
    throw new UserError(`cannot read ${file}`, 2);
  });
  if (!isGzip(bytes))
    throw new UserError(`${file} is not a Vendorwatch backup (a .tar.gz made by \`vendorwatch backup\`)`, 2);
  const pgDir = path.join(dataDir, "pglite");
  let keptAs: string | null = null;
  if ((await readdir(pgDir).catch(() => [])).length) {
    if (!opts.force)
      throw new UserError(`${pgDir} already holds a database: pass --force to replace it (the old one is kept)`, 2);
    keptAs = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(pgDir, keptAs);
  }
  try {
    await mkdir(pgDir, { recursive: true });
    const db = await PGlite.create({ dataDir: pgDir, loadDataDir: new Blob([bytes]) });
    try {
      await db.query(`SELECT count(*) FROM "_prisma_migrations"`);
    } finally {
      await db.close();
    }
  } catch (error) {
    await rm(pgDir, { recursive: true, force: true });
    if (keptAs) await rename(keptAs, pgDir);
    throw new UserError(
      `${file} could not be restored (${error instanceof Error ? error.message : String(error)}); nothing was changed`,
    );
  }
  return { keptAs };
}
