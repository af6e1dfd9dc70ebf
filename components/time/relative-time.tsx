"use client";

import { formatUtc, relativeTime } from "@/lib/text/format";
import { useNow } from "@/components/time/use-now";

/** "5 minutes ago" in the browser, the absolute UTC time in server HTML and as the tooltip. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const absolute = formatUtc(iso);
  return (
    <time dateTime={iso} title={absolute} suppressHydrationWarning>
      {now === null ? `at ${absolute}` : relativeTime(iso, Math.max(now, Date.parse(iso)))}
    </time>
  );
}
