"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type LinkRequestState, requestSignInLink } from "./actions";

interface Props {
  defaultEmail?: string;
  redirectTo?: string;
  follow?: string;
  /** Where a self-hoster without an email service finds the link, when that is the case. */
  localDeliveryHint?: string;
}

/** The email form of /login (and of the expired-link pages): one field, one button. */
export function LoginForm({ defaultEmail, redirectTo, follow, localDeliveryHint }: Props) {
  const [state, action, pending] = useActionState<LinkRequestState, FormData>(requestSignInLink, { status: "idle" });
  const [dismissed, setDismissed] = useState<LinkRequestState | null>(null);
  const shown = state === dismissed ? ({ status: "idle" } as const) : state;

  if (shown.status === "sent") {
    return (
      <div role="status" className="space-y-3">
        <Alert tone="success">
          <p className="font-semibold">Check your inbox</p>
          <p>
            We sent a sign-in link to <strong>{shown.email}</strong>. It works once, for 24 hours. Open it on any device
            and press &ldquo;Sign in&rdquo;.
          </p>
          {localDeliveryHint && <p className="mt-2">{localDeliveryHint}</p>}
        </Alert>
        <p className="text-sm text-muted-foreground">
          Nothing arrived after a minute? Look in your spam folder, or{" "}
          <button type="button" className="underline underline-offset-2" onClick={() => setDismissed(state)}>
            send another link
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    <form action={action} className="space-y-4" noValidate>
      {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
      {follow && <input type="hidden" name="follow" value={follow} />}
      <div className="space-y-2">
        <Label htmlFor="login-email">Email</Label>
        <Input
          id="login-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={defaultEmail}
          aria-invalid={shown.status === "invalid" || undefined}
          aria-describedby={shown.status === "idle" ? undefined : "login-message"}
          className="h-10"
        />
      </div>
      {shown.status !== "idle" && (
        <p id="login-message" role="alert" className="text-sm text-destructive">
          {shown.status === "invalid" && shown.message}
          {shown.status === "rate_limited" &&
            "Too many sign-in links were asked for in the last few minutes. Wait a quarter of an hour, then try again."}
          {shown.status === "failed" && "We could not send the email just now. Try again in a minute."}
        </p>
      )}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
