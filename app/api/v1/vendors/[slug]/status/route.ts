import { NextResponse } from "next/server";
import { getVendorStatus } from "@/lib/data/cached";

/** Lightweight status for live page islands: one cached row read, see getVendorStatus. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const status = await getVendorStatus(slug);
  if (!status) return NextResponse.json({ error: `no vendor "${slug}"` }, { status: 404 });
  return NextResponse.json(status, { headers: { "cache-control": "public, max-age=5, stale-while-revalidate=10" } });
}
