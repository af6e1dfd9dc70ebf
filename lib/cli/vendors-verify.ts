import { parseArgs } from "node:util";
import { type VerifyScope, verifyVendors } from "@/lib/catalog/verify";
import { progressBar } from "@/lib/cli/progress";
import { UserError } from "@/lib/errors";
import type { Fetcher } from "@/lib/providers";
import { PROVIDER_IDS } from "@/lib/providers/types";

const USAGE = "usage: vendorwatch vendors verify [--all | --provider P] [--concurrency N] [--json]";

/**
 * `vendors verify`: re-detects providers and records what answered. Without --all or --provider
 * it verifies the vendors that need it: provider unknown, or failing now.
 */
export async function vendorsVerifyCommand(
  argv: string[],
  openDatabase: () => Promise<unknown> = async () => undefined,
  fetcher?: Fetcher,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: "boolean", default: false },
      provider: { type: "string" },
      concurrency: { type: "string", default: "8" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length) throw new UserError(USAGE, 2);
  if (values.all && values.provider) throw new UserError("--all and --provider exclude each other", 2);
  if (
    values.provider &&
    values.provider !== "unknown" &&
    !(PROVIDER_IDS as readonly string[]).includes(values.provider)
  )
    throw new UserError(`unknown provider "${values.provider}": one of ${PROVIDER_IDS.join(", ")}, unknown`, 2);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UserError("--concurrency must be a whole number from 1 to 64", 2);
  const scope: VerifyScope = values.all
    ? { all: true }
    : values.provider
      ? { provider: values.provider }
      : { pending: true };
  await openDatabase();
  const bar = progressBar("verifying");
  const results = await verifyVendors(scope, {
    concurrency,
    fetcher,
    onProgress: (done, total) => bar.update(done, total),
  }).finally(() => bar.done());
  const summary = {
    verified: results.length,
    ok: results.filter((r) => r.ok).length,
    changed: results.filter((r) => r.changed).length,
    failed: results.filter((r) => !r.ok).length,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, results })}\n`);
    return 0;
  }
  const lines = [
    `verified ${summary.verified}: ${summary.ok} answered (${summary.changed} changed provider or endpoint), ${summary.failed} failed`,
  ];
  for (const r of results.filter((x) => x.changed))
    lines.push(`  ${r.slug}: ${r.previousProvider ?? "unknown"} -> ${r.answer}`);
  for (const r of results.filter((x) => !x.ok)) lines.push(`  ${r.slug}: ${r.answer}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
