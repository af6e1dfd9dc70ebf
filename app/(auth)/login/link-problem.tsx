import { LoginForm } from "./login-form";
import { localDeliveryHint } from "./delivery-hint";

export type LinkProblemKind = "expired" | "used" | "malformed" | "unusable";

const TEXT: Record<LinkProblemKind, { title: string; body: string }> = {
  expired: {
    title: "This sign-in link has expired",
    body: "Sign-in links work for 24 hours. Ask for a new one below: it arrives in a few seconds.",
  },
  used: {
    title: "This sign-in link has already been used",
    body: "Each link works once. If you signed in with it a moment ago, you are signed in in that browser. Otherwise ask for a new link below.",
  },
  malformed: {
    title: "This sign-in link is incomplete",
    body: "Part of the address is missing; some email apps cut long links. Ask for a new link below.",
  },
  unusable: {
    title: "This sign-in link can no longer be used",
    body: "It has expired (links work for 24 hours) or it was used already (each link works once). Ask for a new link below.",
  },
};

/** The plain-words page for a link that cannot sign anyone in, with the form for a new one. */
export function LinkProblem({
  kind,
  email,
  redirectTo,
}: {
  kind: LinkProblemKind;
  email?: string;
  redirectTo?: string;
}) {
  const text = TEXT[kind];
  return (
    <div className="mx-auto max-w-sm space-y-6 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{text.title}</h1>
        <p className="text-muted-foreground">{text.body}</p>
      </div>
      <LoginForm defaultEmail={email} redirectTo={redirectTo} localDeliveryHint={localDeliveryHint()} />
    </div>
  );
}
