import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RelativeTime } from "@/components/time/relative-time";
import { requireAdmin } from "@/lib/admin";
import { vendorForConsole } from "@/lib/data/admin-console";
import { Notice } from "../../notice";
import { Cell, Section, Stat, Table, bytes } from "../../ui";
import { VendorActions } from "./vendor-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendor · Operator console", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ notice?: string }> };

export default async function AdminVendorPage({ params, searchParams }: Props) {
  await requireAdmin();
  const [{ slug }, { notice }] = await Promise.all([params, searchParams]);
  const data = await vendorForConsole(slug);
  if (!data) notFound();
  const { vendor, history, outcomes, historyDays } = data;
  const kept = Object.values(outcomes).reduce((n, c) => n + c, 0);
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/admin" className="text-muted-foreground hover:text-foreground">
            Operator console
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{vendor.name}</h1>
        <p className="break-all text-sm text-muted-foreground">
          <Link href={`/vendors/${vendor.slug}`} className="underline underline-offset-2">
            Public page
          </Link>{" "}
          · {vendor.statusPageUrl}
        </p>
      </header>
      <Notice text={notice} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="State" value={vendor.enabled ? "Enabled" : "Disabled"} bad={!vendor.enabled} />
        <Stat label="Provider" value={vendor.provider ?? "unknown"} note={vendor.apiEndpoint ?? "default endpoint"} />
        <Stat label="Failures in a row" value={vendor.consecutiveFailures} bad={vendor.consecutiveFailures > 0} />
        <Stat
          label="Last success"
          value={vendor.lastSuccessAt ? <RelativeTime iso={vendor.lastSuccessAt.toISOString()} /> : "never"}
        />
      </dl>
      {vendor.lastError && (
        <p className="break-words rounded-md border border-status-major p-3 text-sm">
          <strong>Last error:</strong> {vendor.lastError}
        </p>
      )}
      {vendor.verifyResult && (
        <p className="break-words text-sm text-muted-foreground">
          Last verified {vendor.verifiedAt ? <RelativeTime iso={vendor.verifiedAt.toISOString()} /> : ""}:{" "}
          {vendor.verifyResult}
        </p>
      )}
      <VendorActions
        slug={vendor.slug}
        enabled={vendor.enabled}
        provider={vendor.provider}
        endpoint={vendor.apiEndpoint}
      />
      <Section id="history" title="Poll history">
        <p className="text-sm text-muted-foreground">
          {Object.keys(outcomes).length
            ? `Every poll of the last ${historyDays} days: ${Object.entries(outcomes)
                .map(([k, n]) => `${n} ${k.replace("_", " ")}`)
                .join(" · ")}.${history.length < kept ? ` The newest ${history.length} below.` : ""}`
            : "No poll recorded yet."}
        </p>
        {history.length > 0 && (
          <Table label="Poll history" head={["When", "Outcome", "Duration", "HTTP", "Bytes", "Changes", "Error"]}>
            {history.map((r) => (
              <tr key={r.id}>
                <Cell className="whitespace-nowrap text-xs">
                  <RelativeTime iso={r.startedAt.toISOString()} />
                </Cell>
                <Cell>{r.outcome.replace("_", " ")}</Cell>
                <Cell className="tabular-nums">{r.durationMs} ms</Cell>
                <Cell className="tabular-nums">{r.httpStatus ?? "–"}</Cell>
                <Cell className="tabular-nums">{bytes(r.bytes)}</Cell>
                <Cell className="tabular-nums">{r.changeCount}</Cell>
                <Cell className="max-w-xs break-words text-xs">{r.error ?? ""}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </div>
  );
}
