/**
 * Where a sign-in may send the browser afterwards. Targets are parsed against our own origin and
 * refused unless they stay on it: "//evil.example", "https://evil.example" and "/\evil.example"
 * all parse to another origin, which a prefix check would miss.
 */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

export function sameOriginPath(target: unknown, origin: string, fallback: string): string {
  if (typeof target !== "string" || !target || target.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A `redirectTo` from a query string: same origin, and never back into the sign-in pages (a loop). */
export function safeRedirectPath(target: unknown, origin: string, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const path = sameOriginPath(target, origin, fallback);
  const pathname = path.split(/[?#]/)[0] ?? "";
  if (pathname.startsWith("/api/auth") || pathname === "/login" || pathname.startsWith("/login/")) return fallback;
  return path;
}
