import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/env";
import { internalSecret } from "@/lib/cache/invalidate";
import { UserError } from "@/lib/errors";
import { backupEmbedded, restoreEmbedded } from "@/lib/ops/backup";

const PG_DUMP = 'pg_dump --format=custom --file=vendorwatch.dump "$DATABASE_URL" (see docs/deploy.md)';

/** `backup [--output FILE]`: the embedded database, consistently, whether or not the app runs. */
export async function backupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { output: { type: "string", short: "o" } },
  });
  if (positionals.length) throw new UserError("usage: vendorwatch backup [--output FILE]", 2);
  if (env.DATABASE_URL) throw new UserError(`DATABASE_URL is set: back PostgreSQL up with ${PG_DUMP}`, 2);
  const dataDir = path.resolve(env.VENDORWATCH_DATA_DIR);
  const file = values.output ?? `vendorwatch-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`;
  const { snapshot, from } = await backupEmbedded(dataDir, await internalSecret());
  await writeFile(file, snapshot, { mode: 0o600 });
  process.stdout.write(`${file}: ${(snapshot.length / 1024 / 1024).toFixed(1)} MiB from the ${from}\n`);
  return 0;
}

/** `restore FILE [--force]`: into VENDORWATCH_DATA_DIR, with Vendorwatch stopped. */
export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UserError("usage: vendorwatch restore <backup.tar.gz> [--force]", 2);
  if (env.DATABASE_URL)
    throw new UserError("DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/deploy.md)", 2);
  const dataDir = path.resolve(env.VENDORWATCH_DATA_DIR);
  const { keptAs } = await restoreEmbedded(positionals[0] as string, dataDir, { force: values.force });
  process.stdout.write(
    `restored into ${dataDir}${keptAs ? ` (the database it held is kept in ${keptAs})` : ""}; start Vendorwatch as usual\n`,
  );
  return 0;
}
