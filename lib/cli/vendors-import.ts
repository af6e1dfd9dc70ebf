import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCatalogFile } from "@/lib/catalog";
import type { RowProblem } from "@/lib/catalog/entries";
import { type ImportReport, importCatalog } from "@/lib/catalog/import";
import { progressBar } from "@/lib/cli/progress";
import { UserError } from "@/lib/errors";

const USAGE = "usage: vendorwatch vendors import <file.csv|file.json> [--json]";
const SHOWN = 20;

function listProblems(title: string, problems: RowProblem[]): string[] {
  if (!problems.length) return [];
  const lines = [`${title}:`];
  for (const p of problems.slice(0, SHOWN)) lines.push(`  row ${p.row}${p.slug ? ` (${p.slug})` : ""}: ${p.reason}`);
  if (problems.length > SHOWN) lines.push(`  ... and ${problems.length - SHOWN} more (--json lists every invalid row)`);
  return lines;
}

export function importSummary(file: string, r: ImportReport): string {
  return [
    `${file}: ${r.added} added, ${r.updated} updated, ${r.skipped} skipped, ${r.invalid} invalid`,
    ...listProblems("skipped", r.notes),
    ...listProblems("invalid", r.errors),
  ].join("\n");
}

/**
 * `vendors import <file> [--json]`: exit 0 when the file was imported (invalid rows are reported,
 * not fatal), 2 when the file itself cannot be read as a catalog.
 */
export async function vendorsImportCommand(
  argv: string[],
  openDatabase: () => Promise<unknown> = async () => undefined,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UserError(USAGE, 2);
  const file = positionals[0] as string;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UserError(`cannot read ${file}: no such file`, 2);
  if (!/\.(csv|json)$/i.test(file)) throw new UserError(`${file}: expected a .csv or .json catalog file`, 2);
  const parsed = await readCatalogFile(file);
  await openDatabase();
  const bar = progressBar(`importing ${path.basename(file)}`);
  const report = await importCatalog(parsed, { onProgress: (done, total) => bar.update(done, total) }).finally(() =>
    bar.done(),
  );
  if (values.json) {
    const { added, updated, skipped, invalid, errors } = report;
    process.stdout.write(`${JSON.stringify({ added, updated, skipped, invalid, errors })}\n`);
  } else process.stdout.write(`${importSummary(path.basename(file), report)}\n`);
  return 0;
}
