import { CollapsedGroup } from "@/components/vendor-page/collapsed-group";
import { ComponentRow } from "@/components/vendor-page/component-row";
import { UPTIME_DAYS } from "@/lib/data/uptime";
import type { ComponentView, VendorStrips } from "@/lib/data/vendor-detail";
import { STATUS_TEXT } from "@/lib/domain/vocabulary";

/**
 * Groups larger than this start collapsed, and their rows are fetched when opened: a vendor with
 * hundreds of components (Cloudflare lists every data centre) stays a page of a few hundred KB
 * that a browser lays out at once.
 */
export const COLLAPSE_ABOVE = 12;

/** Groups in first-seen order (the vendor's own order); ungrouped components come first. */
export function groupComponents<C extends { group: string | null }>(
  components: C[],
): Array<{ group: string | null; items: C[] }> {
  const groups = new Map<string | null, C[]>();
  for (const c of components) {
    const list = groups.get(c.group) ?? [];
    list.push(c);
    groups.set(c.group, list);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0));
  return ordered.map(([group, items]) => ({ group, items }));
}

/** "35 components, all operational" or "59 components: 2 degraded performance, 1 major outage". */
export function groupSummary(items: ComponentView[]): string {
  const counts = new Map<string, number>();
  for (const c of items) if (c.status !== "operational") counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const total = `${items.length} component${items.length === 1 ? "" : "s"}`;
  if (!counts.size) return `${total}, all operational`;
  const parts = [...counts].map(
    ([status, n]) => `${n} ${STATUS_TEXT[status as ComponentView["status"]].toLowerCase()}`,
  );
  return `${total}: ${parts.join(", ")}`;
}

export function ComponentGroups({
  slug,
  components,
  strips,
  now,
}: {
  slug: string;
  components: ComponentView[];
  strips: VendorStrips;
  now: Date;
}) {
  if (!components.length) return <p className="text-muted-foreground">No components reported yet.</p>;
  return (
    <div className="space-y-6">
      {groupComponents(components).map(({ group, items }) => {
        const label = group ? `${group} components` : "Components";
        if (items.length > COLLAPSE_ABOVE) {
          return (
            <CollapsedGroup
              key={group ?? "__ungrouped"}
              slug={slug}
              group={group}
              title={group ?? "Components"}
              label={label}
              summary={groupSummary(items)}
              now={now.toISOString()}
            />
          );
        }
        return (
          <div key={group ?? "__ungrouped"} className="space-y-2">
            {group && <h3 className="text-base font-semibold">{group}</h3>}
            <ul className="divide-y rounded-lg border" aria-label={label}>
              {items.map((c) => (
                <ComponentRow key={c.id} c={c} days={strips[c.id]} now={now} />
              ))}
            </ul>
          </div>
        );
      })}
      <p className="flex justify-between text-xs text-muted-foreground" aria-hidden>
        <span>{UPTIME_DAYS} days ago</span>
        <span>Today</span>
      </p>
    </div>
  );
}
