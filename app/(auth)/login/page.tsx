import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { appUrl } from "@/env";
import { currentUser } from "@/lib/auth";
import { followLandingPath } from "@/lib/auth/follow-intent";
import { oauthOptions } from "@/lib/auth/providers";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { db } from "@/lib/db";
import { PLANS } from "@/lib/plans";
import { signInWithProvider } from "./actions";
import { localDeliveryHint } from "./delivery-hint";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const origin = new URL(appUrl()).origin;
  const redirectTo = safeRedirectPath(one(params.redirectTo), origin);
  const followSlug = one(params.follow);
  const vendor = followSlug
    ? await db.vendor.findFirst({ where: { slug: followSlug, enabled: true }, select: { slug: true, name: true } })
    : null;
  // Signed in already (the follow form works without JavaScript): the dashboard asks to confirm.
  if (await currentUser()) redirect(vendor ? followLandingPath(vendor.slug) : redirectTo);
  const oauth = oauthOptions();

  return (
    <div className="mx-auto max-w-sm space-y-6 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">
          {vendor ? `Sign in to monitor ${vendor.name}` : "Sign in to Vendorwatch"}
        </h1>
        <p className="text-sm text-muted-foreground">
          New here? The same link creates your free account: monitor up to {PLANS.free.vendorLimit} vendors, down to the
          components you use. No password to remember.
        </p>
      </div>
      {one(params.error) === "RateLimited" && (
        <Alert tone="warning" role="alert">
          Too many sign-in links were asked for in the last few minutes. Wait a quarter of an hour, then try again.
        </Alert>
      )}
      <LoginForm redirectTo={redirectTo} follow={vendor?.slug} localDeliveryHint={localDeliveryHint()} />
      {oauth.length > 0 && (
        <div className="space-y-3">
          <p className="text-center text-xs uppercase tracking-wide text-muted-foreground">or</p>
          {oauth.map((o) => (
            <form key={o.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={o.id} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              {vendor && <input type="hidden" name="follow" value={vendor.slug} />}
              <Button type="submit" variant="outline" className="w-full">
                Continue with {o.name}
              </Button>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
