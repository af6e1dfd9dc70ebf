"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { appUrl } from "@/env";
import { signIn } from "@/lib/auth";
import { RATE_LIMITED_PATH } from "@/lib/auth/config";
import { followIntent, followLandingPath } from "@/lib/auth/follow-intent";
import { oauthOptions } from "@/lib/auth/providers";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { authSecret } from "@/lib/auth/secret";

export type LinkRequestState =
  | { status: "idle" }
  | { status: "sent"; email: string }
  | { status: "invalid"; message: string }
  | { status: "rate_limited" }
  | { status: "failed" };

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

const linkRequest = z.object({
  email: z.email({ error: "Enter an email address, like name@example.com." }).max(254, "That address is too long."),
  redirectTo: z.string().max(2000).optional(),
  follow: z.string().regex(SLUG).optional(),
});

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
};

/** Where the link lands: the page the visitor came from, or the vendor they asked to monitor. */
async function landing(email: string, redirectTo: string | undefined, follow: string | undefined): Promise<string> {
  if (follow) return followLandingPath(follow, followIntent(email, follow, await authSecret()));
  return safeRedirectPath(redirectTo, new URL(appUrl()).origin);
}

/** "Email me a sign-in link". The same answer whether or not the address has an account. */
export async function requestSignInLink(_prev: LinkRequestState, form: FormData): Promise<LinkRequestState> {
  const parsed = linkRequest.safeParse({
    email: field(form, "email"),
    redirectTo: field(form, "redirectTo"),
    follow: field(form, "follow"),
  });
  if (!parsed.success) {
    const message = parsed.error.issues.find((i) => i.path[0] === "email")?.message ?? "Check the form and try again.";
    return { status: "invalid", message };
  }
  const email = parsed.data.email.toLowerCase();
  try {
    const redirectTo = await landing(email, parsed.data.redirectTo, parsed.data.follow);
    const next = await signIn("resend", { email, redirectTo, redirect: false });
    if (typeof next === "string" && next.includes(RATE_LIMITED_PATH)) return { status: "rate_limited" };
    return { status: "sent", email };
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[auth] sign-in link for a visitor failed: ${error.type}: ${error.message}`);
      return { status: "failed" };
    }
    throw error;
  }
}

/** "Continue with GitHub/Google" (only offered when their keys are set). */
export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = field(form, "provider");
  if (!oauthOptions().some((o) => o.id === provider)) return;
  const follow = field(form, "follow");
  const redirectTo =
    follow && SLUG.test(follow)
      ? followLandingPath(follow)
      : safeRedirectPath(field(form, "redirectTo"), new URL(appUrl()).origin);
  await signIn(provider as string, { redirectTo });
}
