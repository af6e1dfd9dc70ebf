import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { appUrl } from "@/env";
import { currentUser } from "@/lib/auth";
import { callbackActionPath, inspectSignInLink } from "@/lib/auth/magic-link";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { authSecret } from "@/lib/auth/secret";
import { LinkProblem } from "../link-problem";

// The token is in this page's URL: no search engine, no Referer header, no cache may keep it.
export const metadata: Metadata = {
  title: "Sign in",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * Where the emailed link leads. Its GET changes nothing (mail scanners fetch every link, some run
 * scripts): it only reads whether the link is still good and shows a plain form whose button
 * POSTs to the Auth.js callback, which spends the token. Nothing submits on its own.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = one(params.token);
  const email = one(params.email);
  const callbackUrl = one(params.callbackUrl) ?? null;
  const redirectTo = safeRedirectPath(callbackUrl, new URL(appUrl()).origin);
  const state = await inspectSignInLink({ token, email }, await authSecret());
  const knownEmail = email?.includes("@") ? email : undefined;
  // Pressing "Sign in" twice, or opening the link again afterwards, is the usual way to get here.
  const user = state === "used" ? await currentUser() : null;
  if (user && user.email === email) return <AlreadySignedIn email={user.email} />;
  if (state !== "valid" || !token || !email)
    return <LinkProblem kind={state === "valid" ? "malformed" : state} email={knownEmail} redirectTo={redirectTo} />;

  return (
    <div className="mx-auto max-w-sm space-y-6 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Sign in to Vendorwatch</h1>
        <p className="text-muted-foreground">
          You are signing in as <strong className="text-foreground">{email}</strong>.
        </p>
      </div>
      <form method="post" action={callbackActionPath({ token, email, callbackUrl })}>
        <Button type="submit" size="lg" className="w-full">
          Sign in
        </Button>
      </form>
      <p className="text-sm text-muted-foreground">
        Not you, or you did not ask to sign in? Close this page: nothing happens without the button.
      </p>
    </div>
  );
}

function AlreadySignedIn({ email }: { email: string }) {
  return (
    <div className="mx-auto max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-bold tracking-tight">You are signed in</h1>
      <p className="text-muted-foreground">
        This link was used already, and you are signed in as <strong className="text-foreground">{email}</strong>.
      </p>
      <Button asChild size="lg" className="w-full">
        <Link href="/dashboard">Go to your dashboard</Link>
      </Button>
    </div>
  );
}
