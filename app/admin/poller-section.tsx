import { RelativeTime } from "@/components/time/relative-time";
import type { pollerHealth } from "@/lib/data/admin-console";
import { Cell, Section, Stat, Table, seconds } from "./ui";

type PollerHealth = Awaited<ReturnType<typeof pollerHealth>>;

export function PollerSection({ data }: { data: PollerHealth }) {
  const { poller, database, migrations, outbox } = data.health.checks;
  const checks = [
    ["database", database.ok],
    ["migrations", migrations.ok],
    ["poller", poller.ok],
    ["outbox", outbox.ok],
  ] as const;
  return (
    <Section id="poller" title="Poller health">
      {!poller.ok && (
        <div role="alert" className="rounded-lg border-2 border-status-major p-4">
          <p className="font-semibold">Polling has stopped</p>
          <p className="text-sm">
            No poll cycle completed in the last {poller.thresholdSeconds} s (two poll intervals)
            {poller.lastCycleAt ? `; the last one was ${seconds(poller.lastCycleAgeSeconds)} ago` : "; none ever did"}.
            The dead-man&apos;s switch logs <code>poller.stalled</code> and stops pinging HEALTHCHECK_URL until polls
            resume.
          </p>
        </div>
      )}
      <p className="text-sm" data-testid="health-summary">
        Health: <strong>{data.health.status === "ok" ? "healthy" : "unhealthy"}</strong>
        {" · "}
        {checks.map(([name, ok]) => `${name} ${ok ? "ok" : "failing"}`).join(" · ")}
        {migrations.pending?.length ? ` (pending: ${migrations.pending.join(", ")})` : ""}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Stat
          label="Last poll cycle"
          value={poller.lastCycleAgeSeconds === null ? "never" : `${seconds(poller.lastCycleAgeSeconds)} ago`}
          note={`alarm after ${poller.thresholdSeconds} s`}
          bad={!poller.ok}
        />
        <Stat
          label="Polls per minute"
          value={data.pollsPerMinute.toFixed(data.pollsPerMinute < 10 ? 1 : 0)}
          note={`${data.polls} polls in the last ${data.windowMinutes} min`}
        />
        <Stat
          label="Failures"
          value={data.failures}
          note={`polls that failed, last ${data.windowMinutes} min`}
          bad={data.failures > 0}
        />
        <Stat
          label="p95 poll latency"
          value={data.p95Ms === null ? "–" : `${data.p95Ms} ms`}
          note={`fetch to result, last ${data.windowMinutes} min`}
        />
        <Stat
          label="Lag behind schedule"
          value={seconds(data.lagSeconds)}
          note={`${data.overdueVendors} vendors over ${data.intervalSeconds} s late`}
          bad={data.lagSeconds > data.intervalSeconds}
        />
      </dl>
      <Table label="Pollers" head={["Poller", "Host", "Last cycle", "Started"]}>
        {data.pollers.length === 0 && (
          <tr>
            <Cell colSpan={4} className="text-muted-foreground">
              No poller has reported yet.
            </Cell>
          </tr>
        )}
        {data.pollers.map((p) => (
          <tr key={p.id}>
            <Cell>
              {p.kind}
              {p.stoppedAt && <span className="text-muted-foreground"> (stopped)</span>}
            </Cell>
            <Cell className="font-mono text-xs">
              {p.host} pid {p.pid}
            </Cell>
            <Cell>
              <RelativeTime iso={p.lastCycleAt.toISOString()} />
            </Cell>
            <Cell>
              <RelativeTime iso={p.startedAt.toISOString()} />
            </Cell>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
