import { StatusLabel } from "@/components/status/status-label";
import { UptimeBars } from "@/components/status/uptime-bars";
import { compactDays } from "@/components/status/uptime-encoding";
import type { VendorDetail } from "@/lib/data/vendor-detail";
import { UPTIME_DAYS } from "@/lib/data/vendor-detail";
import { uptimeSummary } from "@/lib/text/format";

type Component = VendorDetail["components"][number];

/** Groups in first-seen order (the vendor's own order); ungrouped components come first. */
export function groupComponents(components: Component[]): Array<{ group: string | null; items: Component[] }> {
  const groups = new Map<string | null, Component[]>();
  for (const c of components) {
    const list = groups.get(c.group) ?? [];
    list.push(c);
    groups.set(c.group, list);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0));
  return ordered.map(([group, items]) => ({ group, items }));
}

function ComponentRow({ c, now }: { c: Component; now: Date }) {
  return (
    <li data-testid="component-row" data-component-id={c.id} className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <span className="font-medium" data-testid="component-name">
          {c.name}
        </span>
        <span className="flex items-center gap-3 text-sm">
          <span className="text-muted-foreground">{uptimeSummary(c.uptime90d, c.uptimeSince, now, UPTIME_DAYS)}</span>
          <StatusLabel status={c.status} />
        </span>
      </div>
      <UptimeBars days={compactDays(c.days)} label={`${c.name}: daily uptime over the last ${UPTIME_DAYS} days`} />
    </li>
  );
}

export function ComponentGroups({ components, now }: { components: Component[]; now: Date }) {
  if (!components.length) return <p className="text-muted-foreground">No components reported yet.</p>;
  return (
    <div className="space-y-6">
      {groupComponents(components).map(({ group, items }) => (
        <div key={group ?? "__ungrouped"} className="space-y-2">
          {group && <h3 className="text-base font-semibold">{group}</h3>}
          <ul className="divide-y rounded-lg border" aria-label={group ? `${group} components` : "Components"}>
            {items.map((c) => (
              <ComponentRow key={c.id} c={c} now={now} />
            ))}
          </ul>
        </div>
      ))}
      <p className="flex justify-between text-xs text-muted-foreground" aria-hidden>
        <span>{UPTIME_DAYS} days ago</span>
        <span>Today</span>
      </p>
    </div>
  );
}
