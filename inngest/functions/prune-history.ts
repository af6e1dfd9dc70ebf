import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { pruneHistory } from "@/lib/monitor/prune";

/** Daily: drops raw incident payloads after 30 days and old poll runs; history stays. */
export const pruneHistoryFn = inngest.createFunction(
  { id: "prune-history", triggers: [cron("17 3 * * *")], retries: 3 },
  async ({ step }) => step.run("prune", () => pruneHistory()),
);
