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

function watchedSinceText(stats: Reliability): string {
  const since = stats.watchedSince ? formatUtc(stats.watchedSince) : "";
  return `Vendorwatch has watched this page since ${since} (${dayCount(stats.observedDays)}); figures cover only that time.`;
}

function impactText(stats: Reliability): string {
  const { critical, major, minor, none } = stats.byImpact;
  const resolved = `${stats.resolved} resolved incident${stats.resolved === 1 ? "" : "s"}`;
  const counts = `By impact: ${critical} critical, ${major} major, ${minor} minor, ${none} without impact.`;
  return `${counts} A month is 30 days; mean time to resolve counts the ${resolved}.`;
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
  const whole = stats.observedDays >= stats.windowDays;
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
        {whole ? `Figures cover the last ${stats.windowDays} days.` : watchedSinceText(stats)}{" "}
        {stats.incidents > 0 && impactText(stats)}
      </p>
    </div>
  );
}
