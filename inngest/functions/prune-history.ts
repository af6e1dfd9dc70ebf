import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { pruneHistory } from "@/lib/monitor/prune";

/**
 * Daily retention: incident snapshots, poll history and delivery logs, each after its own
 * RETENTION_*_DAYS (lib/monitor/prune.ts); incidents and status history stay.
 */
export const pruneHistoryFn = inngest.createFunction(
  { id: "prune-history", triggers: [cron("17 3 * * *")], concurrency: 1, retries: 3 },
  async ({ step }) => step.run("prune", () => pruneHistory()),
);
