import { parseArgs } from "node:util";
import { UserError } from "@/lib/errors";
import { pruneHistory, retentionFromEnv } from "@/lib/monitor/prune";

/** `prune [--json]`: applies the retention settings now (they also run daily on their own). */
export async function pruneCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  if (positionals.length) throw new UserError("usage: vendorwatch prune [--json]", 2);
  const retention = retentionFromEnv();
  const result = await pruneHistory(new Date(), retention);
  if (values.json) process.stdout.write(`${JSON.stringify({ retention, ...result })}\n`);
  else
    process.stdout.write(
      `pruned: ${result.incidentSnapshotsPruned} incident snapshots (older than ${retention.snapshotDays} days), ` +
        `${result.pollRunsDeleted} poll runs (${retention.pollHistoryDays} days), ` +
        `${result.deliveriesDeleted} deliveries, ${result.outboxDeleted} change events and ` +
        `${result.localEmailsDeleted} local emails (${retention.deliveryDays} days)\n`,
    );
  return 0;
}
