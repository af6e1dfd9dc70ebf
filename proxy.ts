import { type NextRequest, NextResponse } from "next/server";

/**
 * Next 16's middleware. Optimistic redirects only; it is not a security boundary (pages and
 * actions check auth themselves). Today it normalises vendor slugs to lower case so every
 * vendor has one canonical URL.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const match = /^\/vendors\/([^/]+)(\/.*)?$/.exec(pathname);
  if (match?.[1] && match[1] !== match[1].toLowerCase()) {
    const url = request.nextUrl.clone();
    url.pathname = `/vendors/${match[1].toLowerCase()}${match[2] ?? ""}`;
    return NextResponse.redirect(url, 308);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/vendors/:path*"] };
