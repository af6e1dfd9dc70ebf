import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for load balancers and monitors: the database, migrations, the age of
 * the last poll cycle, the outbox backlog. 200 when healthy, 503 otherwise; never cached.
 */
export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

export async function HEAD() {
  const report = await checkHealth();
  return new Response(null, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
