import { NextResponse } from "next/server";
import { hasInternalSecret } from "@/lib/cache/invalidate";

export const dynamic = "force-dynamic";

/**
 * Query batches the embedded database served, by connection role (`vendorwatch-web` for pages and
 * the API). Benchmarks and tests use it to prove a cached page reads nothing. Loopback tooling only.
 */
export async function GET(request: Request) {
  if (!(await hasInternalSecret(request))) {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }
  const stats = (globalThis as { vendorwatchQueryStats?: () => Record<string, number> }).vendorwatchQueryStats;
  if (!stats) return NextResponse.json({ error: "not running on the embedded database" }, { status: 404 });
  return NextResponse.json({ queries: stats() });
}
