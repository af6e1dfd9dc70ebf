import { env } from "@/env";
import { logger } from "@/lib/log";
import { type HealthReport, checkHealth } from "@/lib/ops/health";

const log = logger("watchdog");

export interface WatchdogState {
  report: HealthReport | null;
  /** Since when polls have been missing (the switch fired), or null. */
  stalledSince: string | null;
}

const holder = globalThis as { vendorwatchWatchdog?: WatchdogState };

/** What the dead-man's switch last saw in this process (the console shows it). */
export function watchdogState(): WatchdogState {
  holder.vendorwatchWatchdog ??= { report: null, stalledSince: null };
  return holder.vendorwatchWatchdog;
}

async function ping(url: string): Promise<void> {
  const res = await fetch(url, { method: "GET", signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

/**
 * The dead-man's switch: once per poll interval, checks health. When no poll cycle completed
 * within two intervals it logs an error (then once a minute while it lasts) and the console shows
 * it. With HEALTHCHECK_URL set it pings that URL only while healthy, so an outside monitor alerts
 * when the pings stop, even if this process is dead.
 */
export function startWatchdog(
  opts: { everyMs?: number; healthcheckUrl?: string | undefined; check?: () => Promise<HealthReport> } = {},
): { stop(): void; tick(): Promise<void> } {
  const everyMs = opts.everyMs ?? env.POLL_INTERVAL_SECONDS * 1000;
  const url = "healthcheckUrl" in opts ? opts.healthcheckUrl : env.HEALTHCHECK_URL;
  const check = opts.check ?? (() => checkHealth());
  const state = watchdogState();
  let lastAlarm = 0;
  let pingFailing = false;
  const tick = async () => {
    let report: HealthReport;
    try {
      report = await check();
    } catch (err) {
      log.error("health.check_failed", { err });
      return;
    }
    state.report = report;
    const { poller } = report.checks;
    if (!poller.ok) {
      state.stalledSince ??= report.checkedAt;
      if (Date.now() - lastAlarm >= 60_000) {
        lastAlarm = Date.now();
        log.error("poller.stalled", {
          lastCycleAt: poller.lastCycleAt,
          lastCycleAgeSeconds: poller.lastCycleAgeSeconds,
          thresholdSeconds: poller.thresholdSeconds,
          reason: poller.error ?? "no poll cycle completed within two poll intervals",
        });
      }
    } else if (state.stalledSince) {
      log.info("poller.recovered", { stalledSince: state.stalledSince, lastCycleAt: poller.lastCycleAt });
      state.stalledSince = null;
      lastAlarm = 0;
    }
    if (report.status !== "ok") {
      const failing = Object.entries(report.checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => name);
      log.warn("health.unhealthy", { failing });
      return;
    }
    if (!url) return;
    try {
      await ping(url);
      if (pingFailing) log.info("healthcheck.ping_recovered", { url });
      pingFailing = false;
    } catch (err) {
      if (!pingFailing) log.warn("healthcheck.ping_failed", { url, err });
      pingFailing = true;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
