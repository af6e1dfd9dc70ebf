import { timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import { internalSecret } from "@/lib/monitor/invalidate";

const body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(5000) });

/** Called by the poller (same machine) when a vendor changed: see lib/monitor/invalidate.ts. */
export async function POST(request: Request) {
  const secret = await internalSecret();
  const given = request.headers.get("x-vendorwatch-secret") ?? "";
  if (!secret || given.length !== secret.length || !timingSafeEqual(Buffer.from(given), Buffer.from(secret))) {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "expected { tags: string[] }" }, { status: 400 });
  // Expire at once: the next request renders fresh data instead of serving the stale page once.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return NextResponse.json({ revalidated: parsed.data.tags.length });
}
