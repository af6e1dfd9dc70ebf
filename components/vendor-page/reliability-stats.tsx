import type { Reliability } from "@/lib/data/reliability";
import { formatDuration } from "@/lib/text/format";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function ReliabilityStats({ stats }: { stats: Reliability }) {
  const { byImpact } = stats;
  return (
    <div className="space-y-2">
      <dl className="grid gap-3 sm:grid-cols-3">
        <Stat
          label={`Incidents in the last ${stats.windowDays} days`}
          value={String(stats.incidents)}
          testId="stat-incidents"
        />
        <Stat
          label="Incidents per month"
          value={stats.incidentsPerMonth.toFixed(1)}
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
      {stats.incidents > 0 && (
        <p className="text-sm text-muted-foreground">
          By impact: {byImpact.critical} critical, {byImpact.major} major, {byImpact.minor} minor, {byImpact.none}{" "}
          without impact. A month is 30 days; mean time to resolve counts the {stats.resolved} resolved incident
          {stats.resolved === 1 ? "" : "s"}.
        </p>
      )}
    </div>
  );
}
