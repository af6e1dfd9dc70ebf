import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { CLIENT_IP_HEADER } from "@/lib/runtime/client-ip";
import { db } from "@/lib/db";

/**
 * Drives Auth.js's real route handlers the way a browser does (cookies, CSRF token, form posts),
 * with the client address our server would stamp.
 */
export const ORIGIN = "http://localhost:3000";

export class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function authRequest(
  method: "GET" | "POST",
  path: string,
  opts: { jar?: CookieJar; form?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  const headers = new Headers({ [CLIENT_IP_HEADER]: opts.ip ?? "203.0.113.1" });
  if (opts.jar) headers.set("cookie", opts.jar.header());
  if (opts.form) headers.set("content-type", "application/x-www-form-urlencoded");
  const req = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers,
    body: opts.form ? new URLSearchParams(opts.form).toString() : method === "POST" ? "" : undefined,
  });
  const res = await (method === "GET" ? GET(req) : POST(req));
  opts.jar?.store(res);
  return res;
}

/** Asks for a sign-in link as the Auth.js form does; returns the redirect the visitor gets. */
export async function requestLink(email: string, ip?: string, callbackUrl = "/dashboard"): Promise<string> {
  const jar = new CookieJar();
  const csrf = (await (await authRequest("GET", "/api/auth/csrf", { jar, ip })).json()) as { csrfToken: string };
  const res = await authRequest("POST", "/api/auth/signin/resend", {
    jar,
    ip,
    form: { email, csrfToken: csrf.csrfToken, callbackUrl },
  });
  return res.headers.get("location") ?? `(status ${res.status})`;
}

/** The newest link emailed to an address (the local outbox: tests run without RESEND_API_KEY). */
export async function lastLinkTo(email: string): Promise<URL> {
  const mail = await db.localEmail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = /https?:\/\/\S+\/login\/confirm\?\S+/.exec(mail?.text ?? "");
  if (!match) throw new Error(`no sign-in link was emailed to ${email}`);
  return new URL(match[0]);
}

/** What the confirm page's "Sign in" button posts to. */
export function callbackPathOf(link: URL): string {
  return `/api/auth/callback/resend${link.search}`;
}
