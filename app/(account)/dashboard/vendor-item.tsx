"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { StatusLabel } from "@/components/status/status-label";
import { RelativeTime } from "@/components/time/relative-time";
import { Button } from "@/components/ui/button";
import type { VendorLiveStatus } from "@/lib/data/vendor-status";
import { removeVendor } from "./actions";
import { type PickerGroup, type SubscriptionSettings, SubscriptionForm } from "./subscription-form";

const POLL_MS = 20_000;

async function fetchStatus(slug: string): Promise<VendorLiveStatus> {
  const res = await fetch(`/api/v1/vendors/${encodeURIComponent(slug)}/status`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as VendorLiveStatus;
}

interface Props {
  vendor: { slug: string; name: string };
  initialStatus: VendorLiveStatus;
  /** When the server read initialStatus (ms), so the first poll waits a full interval. */
  renderedAt: number;
  groups: PickerGroup[];
  settings: SubscriptionSettings;
}

/** One followed vendor on the dashboard: live status, what is heard, alert settings, Remove. */
export function VendorItem({ vendor, initialStatus, renderedAt, groups, settings }: Props) {
  const { data } = useQuery({
    queryKey: ["vendor-status", vendor.slug],
    queryFn: () => fetchStatus(vendor.slug),
    initialData: initialStatus,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: POLL_MS,
  });
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const scope = settings.allComponents ? "All components" : `${settings.components.length} of ${total} components`;

  const remove = () =>
    startTransition(async () => {
      const result = await removeVendor({ slug: vendor.slug });
      if (!result.ok && result.error !== "not_found") setError(result.message);
    });

  return (
    <li className="space-y-3 px-4 py-4" data-testid="followed-vendor">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 space-y-1">
          <Link
            href={`/vendors/${encodeURIComponent(vendor.slug)}`}
            className="font-semibold underline-offset-2 hover:underline"
          >
            {vendor.name}
          </Link>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StatusLabel status={data.status} />
            {data.openIncidents > 0 && (
              <span>
                {data.openIncidents} open {data.openIncidents === 1 ? "incident" : "incidents"}
              </span>
            )}
            {data.stale && <span className="text-status-degraded">Status may be out of date</span>}
            <span className="text-muted-foreground">
              {data.lastCheckedAt ? (
                <>
                  Checked <RelativeTime iso={data.lastCheckedAt} />
                </>
              ) : (
                "Not checked yet"
              )}
            </span>
          </p>
          <p className="text-sm text-muted-foreground">{scope}</p>
        </div>
        <Button variant="outline" size="sm" onClick={remove} disabled={pending}>
          Remove
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <details className="rounded-md border px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">Alert settings</summary>
        <div className="pt-4">
          <SubscriptionForm slug={vendor.slug} vendorName={vendor.name} groups={groups} initial={settings} />
        </div>
      </details>
    </li>
  );
}
