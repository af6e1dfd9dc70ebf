"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { StatusLabel } from "@/components/status/status-label";
import { RelativeTime } from "@/components/time/relative-time";
import type { VendorLiveStatus } from "@/lib/data/vendor-status";
import { formatUtc } from "@/lib/text/format";

const POLL_MS = 20_000;

async function fetchStatus(slug: string): Promise<VendorLiveStatus> {
  const res = await fetch(`/api/v1/vendors/${encodeURIComponent(slug)}/status`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as VendorLiveStatus;
}

/**
 * The vendor's status, "Last checked" and the stale banner, kept live while the page is open.
 * The page around it is a cached server render; when the live status shows a change the cached
 * page does not have yet, it asks the router for the fresh render once.
 */
export function LiveStatus({ initial, vendorName }: { initial: VendorLiveStatus; vendorName: string }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["vendor-status", initial.slug],
    queryFn: () => fetchStatus(initial.slug),
    initialData: initial,
    // The cached page may be minutes old: check once on mount, then every 20 s.
    initialDataUpdatedAt: 0,
    refetchInterval: POLL_MS,
  });
  const refreshedFor = useRef(`${initial.status}:${initial.openIncidents}`);
  useEffect(() => {
    const signature = `${data.status}:${data.openIncidents}`;
    if (signature === refreshedFor.current) return;
    refreshedFor.current = signature;
    router.refresh();
  }, [data.status, data.openIncidents, router]);

  return (
    <div className="space-y-3">
      <p className="text-xl" aria-live="polite" data-testid="vendor-status">
        <span className="sr-only">Current status: </span>
        <StatusLabel status={data.status} />
      </p>
      <p className="text-sm text-muted-foreground" data-testid="last-checked">
        {data.lastCheckedAt ? (
          <>
            Last checked <RelativeTime iso={data.lastCheckedAt} />
          </>
        ) : (
          "Last checked: not yet. The first check is queued."
        )}
      </p>
      {data.stale && (
        <div
          role="alert"
          aria-label="Status may be out of date"
          className="rounded-lg border-2 border-status-degraded bg-status-degraded/10 p-4 text-sm"
        >
          <p className="font-semibold">Status may be out of date</p>
          <p>
            We could not check the official status page of {vendorName} recently.{" "}
            {data.lastSuccessAt ? (
              <>
                Last successful check: <time dateTime={data.lastSuccessAt}>{formatUtc(data.lastSuccessAt)}</time>.
              </>
            ) : (
              "No check has succeeded yet."
            )}
          </p>
          {data.lastError && <p className="mt-1 break-words font-mono text-xs">Error: {data.lastError}</p>}
        </div>
      )}
    </div>
  );
}
