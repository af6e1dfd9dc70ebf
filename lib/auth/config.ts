import type { NextAuthConfig } from "next-auth";
import { appUrl } from "@/env";
import { accountsAdapter } from "@/lib/auth/adapter";
import { authProviders } from "@/lib/auth/providers";
import { sameOriginPath } from "@/lib/auth/redirect";
import { authSecret } from "@/lib/auth/secret";
import { clientIpOf } from "@/lib/runtime/client-ip";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_IP, hitAll } from "@/lib/rate-limit";

export const RATE_LIMITED_PATH = "/login?error=RateLimited";

/** The request's headers: the handler's own request, or the server action's / page's request. */
async function requestHeaders(request: Request | undefined): Promise<Headers> {
  if (request) return request.headers;
  try {
    const { headers } = await import("next/headers");
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

/**
 * Auth.js configuration, built per request (NextAuth's lazy form) because the secret may come
 * from the data directory and the rate limit needs the caller's address.
 */
export async function authConfig(request: Request | undefined): Promise<NextAuthConfig> {
  const origin = new URL(appUrl()).origin;
  return {
    adapter: accountsAdapter(),
    secret: await authSecret(),
    // Every URL Auth.js builds comes from APP_URL (AUTH_URL is set from it in lib/auth.ts), never
    // from a Host header a client chose, so a forged Host cannot put its origin into a link.
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
    providers: authProviders(),
    logger: {
      // Expired and used links are everyday events, answered with a plain page: one line, no stack.
      error(error) {
        if (error.name === "Verification") console.warn("[auth] a sign-in link was expired or already used");
        else console.error("[auth]", error);
      },
      warn: (code) => console.warn(`[auth] warning: ${code}`),
    },
    callbacks: {
      async signIn({ user, email }) {
        if (!email?.verificationRequest) return true;
        // Asking for a link: count it per address and per client address. The answer is the same
        // whether or not the address has an account, so nobody can probe which ones do.
        const ip = clientIpOf(await requestHeaders(request));
        const decision = await hitAll([
          [SIGN_IN_PER_ADDRESS, (user.email ?? "").toLowerCase()],
          [SIGN_IN_PER_IP, ip],
        ]);
        return decision.ok ? true : RATE_LIMITED_PATH;
      },
      // Auth.js asks this for every redirect it makes (callbackUrl, sign-out, our rate-limit answer).
      redirect({ url }) {
        return `${origin}${sameOriginPath(url, origin, "/")}`;
      },
      session({ session, user }) {
        return { ...session, user: { id: user.id, email: user.email, name: user.name ?? null } };
      },
    },
  };
}
