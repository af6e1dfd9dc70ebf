/** Auth.js's session cookie: the `__Secure-` name on https origins, the plain one on http. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function hasSessionCookie(cookies: { has(name: string): boolean }): boolean {
  return SESSION_COOKIES.some((name) => cookies.has(name));
}

/** Set by proxy.ts on account pages: where to come back to after a sign-in (layouts cannot see the URL). */
export const RETURN_PATH_HEADER = "x-vendorwatch-return-to";
