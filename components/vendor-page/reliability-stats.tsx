import type { Reliability } from "@/lib/data/reliability";
import { dayCount, formatDuration, formatUtc, watchedFor } from "@/lib/text/format";

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded-lg border p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-xs text-muted-foreground">{note}</dd>}
    </div>
  );
}

/** Figures only for the period we watched, and that period said in words next to them. */
export function ReliabilityStats({ stats }: { stats: Reliability }) {
  if (stats.watchedSince === null || stats.incidents === null) {
    return (
      <p className="text-muted-foreground" data-testid="stat-not-watched">
        No figures yet: Vendorwatch has not read this status page successfully, so it has no history to count.
      </p>
    );
  }
  const { byImpact } = stats;
  const whole = stats.observedDays >= stats.windowDays;
  const period = whole ? `the last ${stats.windowDays} days` : `the ${dayCount(stats.observedDays)} watched so far`;
  return (
    <div className="space-y-2">
      <dl className="grid gap-3 sm:grid-cols-3">
        <Stat
          label={whole ? `Incidents in the last ${stats.windowDays} days` : "Incidents since we started watching"}
          value={String(stats.incidents)}
          note={whole ? undefined : watchedFor(stats.observedDays)}
          testId="stat-incidents"
        />
        <Stat
          label="Incidents per month"
          value={stats.incidentsPerMonth === null ? "Not yet" : stats.incidentsPerMonth.toFixed(1)}
          note={stats.incidentsPerMonth === null ? "after 30 days of watching" : undefined}
          testId="stat-incidents-per-month"
        />
        <Stat
          label="Mean time to resolve"
          value={
            stats.meanTimeToResolveMs === null ? "No resolved incidents" : formatDuration(stats.meanTimeToResolveMs)
          }
          testId="stat-mttr"
        />
      </dl>
      <p className="text-sm text-muted-foreground" data-testid="stat-period">
        {whole
          ? `Figures cover the last ${stats.windowDays} days.`
          : `Figures cover only the time Vendorwatch has watched this page: ${watchedFor(stats.observedDays)}, since ${formatUtc(stats.watchedSince)}.`}{" "}
        {stats.incidents > 0 &&
          `By impact: ${byImpact.critical} critical, ${byImpact.major} major, ${byImpact.minor} minor, ${byImpact.none} without impact. A month is 30 days; mean time to resolve counts the ${stats.resolved} resolved incident${stats.resolved === 1 ? "" : "s"} of ${period}.`}
      </p>
    </div>
  );
}
