import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "@/env";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  if (!env.METRICS_TOKEN) return true;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const wanted = Buffer.from(`Bearer ${env.METRICS_TOKEN}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Prometheus text exposition of this instance's metrics (see lib/metrics.ts). */
export async function GET(request: Request) {
  if (!authorised(request)) {
    return NextResponse.json(
      { error: "unauthorized", message: "send Authorization: Bearer <METRICS_TOKEN>" },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
