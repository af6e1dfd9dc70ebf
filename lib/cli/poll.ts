import { parseArgs } from "node:util";
import { env } from "@/env";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { configureLog } from "@/lib/log";
import type { Change } from "@/lib/monitor/changes";
import { claimDueVendors } from "@/lib/monitor/claim";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import type { PollResult } from "@/lib/monitor/poll-vendor";
import { startScheduler } from "@/lib/monitor/scheduler";
import { startNotifier } from "@/lib/notify/runner";
import { pollerRecord } from "@/lib/ops/poller";
import { startWatchdog } from "@/lib/ops/watchdog";
import { pollVendors, summarise } from "@/lib/monitor/sweep";

const USAGE = "usage: vendorwatch poll --once [--vendor <slug>] [--json]   (without --once: poll continuously)";

function describeChange(c: Change): Record<string, unknown> {
  switch (c.kind) {
    case "component.upsert":
      return { component: c.component.id, name: c.component.name, from: c.from, to: c.component.status };
    case "component.removed":
      return { component: c.providerId, name: c.name, from: c.from };
    case "incident.upsert":
      return {
        incident: c.incident.id,
        title: c.incident.title,
        status: c.incident.status,
        impact: c.incident.impact,
        newUpdates: c.newUpdates.length,
      };
    case "incident.vanished":
      return { incident: c.providerId, title: c.title, status: "resolved" };
    case "maintenance.upsert":
      return { maintenance: c.maintenance.id, title: c.maintenance.title, status: c.maintenance.status };
    case "maintenance.completed":
      return { maintenance: c.providerId, title: c.title, status: "completed" };
  }
}

export function reportPoll(results: PollResult[]) {
  const changes = results.flatMap((r) =>
    r.outcome === "changed"
      ? r.changes
          .filter((c) => c.event !== null)
          .map((c) => ({ vendor: r.slug, event: c.event, baseline: r.baseline, ...describeChange(c) }))
      : [],
  );
  const failures = results.flatMap((r) => (r.outcome === "failed" ? [{ vendor: r.slug, error: r.error }] : []));
  return { ...summarise(results), changes, failures };
}

export async function pollCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      once: { type: "boolean", default: false },
      vendor: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length) throw new UserError(USAGE, 2);
  if (!values.once) {
    if (values.vendor) throw new UserError("--vendor goes with --once", 2);
    // A polling worker without the web app sends what it finds, as `npm start` does.
    const notifier = startNotifier();
    const scheduler = startScheduler({ kind: "worker", dispatch: async () => notifier.wake() });
    const watchdog = startWatchdog();
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    watchdog.stop();
    await scheduler.stop();
    await notifier.stop();
    return 0;
  }
  // A one-shot poll prints its own report of every change; its per-poll log lines would only
  // repeat it, so they show from warnings up unless LOG_LEVEL asks for more.
  if (env.LOG_LEVEL === "info") configureLog({ level: "warn" });
  let vendors;
  if (values.vendor) {
    const one = await db.vendor.findUnique({ where: { slug: values.vendor }, select: pollableVendorSelect });
    if (!one) throw new UserError(`no vendor "${values.vendor}"`);
    vendors = [one];
  } else {
    vendors = [];
    // Everything due now, claimed in batches; claiming moves each vendor's due time forward.
    for (let batch = await claimDueVendors(500); batch.length; batch = await claimDueVendors(500))
      vendors.push(...batch);
  }
  const report = reportPoll(await pollVendors(vendors, { concurrency: 32 }));
  if (!values.vendor) await pollerRecord("cli").record(new Date(), true);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`polled ${report.polled}, changed ${report.changed}, failed ${report.failed}\n`);
    for (const c of report.changes)
      process.stdout.write(`  ${c.vendor}: ${c.event}${c.baseline ? " (baseline)" : ""} ${JSON.stringify(c)}\n`);
    for (const f of report.failures) process.stdout.write(`  ${f.vendor}: failed: ${f.error}\n`);
  }
  return 0;
}
