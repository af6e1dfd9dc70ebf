import { NextResponse } from "next/server";
import { hasInternalSecret } from "@/lib/cache/invalidate";

export const dynamic = "force-dynamic";

type Stats = { vendorwatchQueryStats?: () => Record<string, number>; vendorwatchCacheStats?: () => unknown };

/**
 * Query batches the embedded database served, by connection role (`vendorwatch-web` for pages and
 * the API), and the sizes of the server's in-memory caches. Benchmarks and tests use it to prove a
 * cached page reads nothing and that traffic does not grow the caches. Loopback tooling only.
 */
export async function GET(request: Request) {
  if (!(await hasInternalSecret(request))) {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }
  const { vendorwatchQueryStats: queries, vendorwatchCacheStats: caches } = globalThis as Stats;
  // queries is null on PostgreSQL, which counts nothing for us.
  return NextResponse.json({ queries: queries?.() ?? null, caches: caches?.() ?? null });
}
