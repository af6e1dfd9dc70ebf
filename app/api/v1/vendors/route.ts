import { type NextRequest, NextResponse } from "next/server";
import { getVendorList } from "@/lib/data/cached";
import { parseStatus } from "@/lib/data/vendor-list";

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const rawStatus = params.get("status");
  const status = parseStatus(rawStatus);
  if (rawStatus && !status) {
    return NextResponse.json({ error: `unknown status "${rawStatus}"` }, { status: 400 });
  }
  const rawPage = params.get("page");
  const page = rawPage === null ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1) {
    return NextResponse.json({ error: "page must be a positive whole number" }, { status: 400 });
  }
  const list = await getVendorList({
    q: params.get("q")?.trim() || undefined,
    status,
    category: params.get("category") || undefined,
    page,
  });
  return NextResponse.json(list);
}
