import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth";

/**
 * Who is signed in, for the header's account island. Public pages are the same HTML for everyone
 * (served from the page cache); the few bytes that differ per visitor come from here.
 */
export async function GET() {
  const user = await currentUser();
  return NextResponse.json(
    { user: user ? { email: user.email } : null },
    { headers: { "cache-control": "private, no-store" } },
  );
}
