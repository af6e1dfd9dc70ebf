import Link from "next/link";
import { RelativeTime } from "@/components/time/relative-time";
import type { failingVendors } from "@/lib/data/admin-console";
import { Cell, Section, Table, bytes } from "./ui";

type Failing = Awaited<ReturnType<typeof failingVendors>>;

export function FailingSection({ data }: { data: Failing }) {
  return (
    <Section id="failing" title={`Failing or stale vendors (${data.total})`}>
      {data.total === 0 ? (
        <p className="text-sm text-muted-foreground">Every enabled vendor answered within the last three intervals.</p>
      ) : (
        <Table
          label="Failing or stale vendors"
          head={["Vendor", "Failures", "Last error", "What we got back", "Last success"]}
        >
          {data.vendors.map((v) => (
            <tr key={v.id}>
              <Cell>
                <Link href={`/admin/vendors/${v.slug}`} className="font-medium underline-offset-2 hover:underline">
                  {v.name}
                </Link>
                <div className="text-xs text-muted-foreground">{v.provider ?? "provider unknown"}</div>
              </Cell>
              <Cell className="tabular-nums">{v.consecutiveFailures}</Cell>
              <Cell className="max-w-xs break-words text-xs">{v.lastError ?? "–"}</Cell>
              <Cell className="max-w-xs break-words text-xs">
                {v.lastRun ? (
                  <>
                    {v.lastRun.httpStatus ? `HTTP ${v.lastRun.httpStatus}` : "no HTTP answer"}, {bytes(v.lastRun.bytes)}
                    {v.lastRun.error && <div className="text-muted-foreground">{v.lastRun.error}</div>}
                  </>
                ) : (
                  <span className="text-muted-foreground">no poll recorded</span>
                )}
                {v.verifyResult && <div className="text-muted-foreground">verify: {v.verifyResult}</div>}
              </Cell>
              <Cell className="text-xs">
                {v.lastSuccessAt ? <RelativeTime iso={v.lastSuccessAt.toISOString()} /> : "never"}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {data.total > data.vendors.length && (
        <p className="text-sm text-muted-foreground">Showing the {data.vendors.length} worst.</p>
      )}
    </Section>
  );
}
