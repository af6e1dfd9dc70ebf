import { NextRequest } from "next/server";
import { appUrl } from "@/env";
import { handlers } from "@/lib/auth";

/**
 * Auth.js takes its origin from the request URL. Next's custom server names requests after the
 * address it binds (http://localhost:PORT), and next-auth's own AUTH_URL override does not take
 * with Next 16 (rebuilding a NextRequest from a NextRequest keeps the old URL). So the request is
 * rebuilt here on APP_URL's origin: every URL Auth.js makes (redirects, OAuth callbacks) is ours,
 * whatever Host header a client sent.
 */
function onAppOrigin(request: NextRequest): NextRequest {
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, appUrl());
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  });
}

export const GET = (request: NextRequest) => handlers.GET(onAppOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(onAppOrigin(request));
