import { type NextRequest, NextResponse } from "next/server";
import { RETURN_PATH_HEADER, hasSessionCookie } from "@/lib/auth/session-cookie";

/**
 * Next 16's middleware. Optimistic redirects only; it is not a security boundary (pages, actions
 * and route handlers check auth() themselves) and it never touches the database: it only looks
 * for a session cookie. It also normalises vendor slugs to lower case so every vendor has one
 * canonical URL.
 */
const ACCOUNT_AREA = /^\/(dashboard|settings)(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (ACCOUNT_AREA.test(pathname)) {
    if (hasSessionCookie(request.cookies)) {
      const headers = new Headers(request.headers);
      headers.set(RETURN_PATH_HEADER, `${pathname}${search}`);
      return NextResponse.next({ request: { headers } });
    }
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?${new URLSearchParams({ redirectTo: `${pathname}${search}` })}`;
    return NextResponse.redirect(url, 307);
  }
  const match = /^\/vendors\/([^/]+)(\/.*)?$/.exec(pathname);
  if (match?.[1] && match[1] !== match[1].toLowerCase()) {
    const url = request.nextUrl.clone();
    url.pathname = `/vendors/${match[1].toLowerCase()}${match[2] ?? ""}`;
    return NextResponse.redirect(url, 308);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/vendors/:path*", "/dashboard/:path*", "/settings/:path*"] };
