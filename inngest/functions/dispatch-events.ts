import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { dispatchPendingEvents } from "@/lib/monitor/dispatch";

/** Backstop for the outbox: re-sends change events a crash left pending after their commit. */
export const dispatchEvents = inngest.createFunction(
  { id: "dispatch-events", triggers: [cron("* * * * *")], concurrency: 1, retries: 3 },
  async ({ step }) => step.run("dispatch", () => dispatchPendingEvents()),
);
