import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem } from "../link-problem";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const MESSAGES: Record<string, { title: string; body: string }> = {
  OAuthAccountNotLinked: {
    title: "This email signs in with a link",
    body: "An account with this address already exists and signs in by email. Sign in with an email link, then you can keep using it.",
  },
  AccessDenied: { title: "Sign-in was refused", body: "This account cannot sign in here." },
  Configuration: {
    title: "Sign-in is not working right now",
    body: "Something is wrong on our side. Try again in a few minutes.",
  },
};

/** Where Auth.js sends sign-in failures (`pages.error`), in plain words with a way forward. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const code = typeof error === "string" ? error : "Configuration";
  // A link that was expired or already used by the time its button was pressed.
  if (code === "Verification") return <LinkProblem kind="unusable" />;
  const text = MESSAGES[code] ?? (MESSAGES.Configuration as { title: string; body: string });
  return (
    <div className="mx-auto max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-bold tracking-tight">{text.title}</h1>
      <p className="text-muted-foreground">{text.body}</p>
      <p>
        <Link href="/login" className="font-medium underline underline-offset-2">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
