import { NextResponse } from "next/server";
import { hasInternalSecret } from "@/lib/cache/invalidate";

export const dynamic = "force-dynamic";

/**
 * A consistent snapshot of the embedded database, for `vendorwatch backup` while the app runs
 * (the CLI cannot open the files this process holds). Loopback tooling only, behind the shared secret.
 */
export async function POST(request: Request) {
  if (!(await hasInternalSecret(request))) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const snapshot = (globalThis as { vendorwatchSnapshot?: () => Promise<Buffer> }).vendorwatchSnapshot;
  if (!snapshot) return NextResponse.json({ error: "not running on the embedded database" }, { status: 404 });
  const bytes = await snapshot();
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/gzip", "cache-control": "no-store" },
  });
}
