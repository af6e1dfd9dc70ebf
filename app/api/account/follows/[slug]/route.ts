import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth";
import { followState } from "@/lib/data/subscriptions";

/** The vendor page's follow island: is the visitor signed in, and do they follow this vendor? */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  const body = user ? { signedIn: true, ...(await followState(user.id, slug)) } : { signedIn: false };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
