"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders a cached server page in place every `intervalMs` while the tab is visible. The
 * pages it sits on read only cached data, so a refresh costs no database query.
 */
export function AutoRefresh({ intervalMs = 30_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(id);
  }, [router, intervalMs]);
  return null;
}
