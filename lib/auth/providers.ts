import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Resend from "next-auth/providers/resend";
import { env } from "@/env";
import { SIGN_IN_LINK_MAX_AGE_S, sendSignInLink } from "@/lib/auth/magic-link";

export interface OAuthOption {
  id: "github" | "google";
  name: string;
}

/** OAuth providers whose keys are set; the login page shows a button for each, and only those. */
export function oauthOptions(): OAuthOption[] {
  const options: OAuthOption[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) options.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) options.push({ id: "google", name: "Google" });
  return options;
}

export function authProviders(): Provider[] {
  const providers: Provider[] = [
    Resend({
      from: env.EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MAX_AGE_S,
      // Never used: our sender goes through lib/email/transport.ts (or the local outbox).
      apiKey: "unused",
      sendVerificationRequest: ({ identifier, url }) => sendSignInLink({ identifier, url }),
    }),
  ];
  for (const option of oauthOptions()) {
    if (option.id === "github")
      providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
    else
      providers.push(
        // Google only hands out verified addresses, so an existing email account may be linked to it.
        Google({
          clientId: env.AUTH_GOOGLE_ID,
          clientSecret: env.AUTH_GOOGLE_SECRET,
          allowDangerousEmailAccountLinking: true,
        }),
      );
  }
  return providers;
}
