import type { catalogStats } from "@/lib/data/admin-console";
import { Cell, Section, Stat, Table } from "./ui";

type Stats = Awaited<ReturnType<typeof catalogStats>>;

function Counts({ label, rows, empty }: { label: string; rows: Stats["byProvider"]; empty: string }) {
  return (
    <Table label={label} head={[label, "Vendors"]} narrow>
      {rows.map((r) => (
        <tr key={r.name ?? "none"}>
          <Cell>{r.name ?? <span className="text-muted-foreground">{empty}</span>}</Cell>
          <Cell className="tabular-nums">{r.count}</Cell>
        </tr>
      ))}
    </Table>
  );
}

export function CatalogSection({ data }: { data: Stats }) {
  return (
    <Section id="catalog" title="Catalog">
      <dl className="grid grid-cols-3 gap-3">
        <Stat label="Enabled" value={data.enabled} />
        <Stat label="Disabled" value={data.disabled} />
        <Stat label="Added by users" value={data.userAdded} />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Counts label="Provider" rows={data.byProvider} empty="not detected yet" />
        <Counts label="Category" rows={data.byCategory.slice(0, 25)} empty="no category" />
      </div>
    </Section>
  );
}
