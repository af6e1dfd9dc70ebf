"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { EmailChangeOutcome } from "@/lib/data/email-change";
import { confirmEmailChangeAction } from "./actions";

const REFUSED: Record<Exclude<EmailChangeOutcome, { ok: true }>["reason"], string> = {
  expired: "This link has expired. Your address has not changed; ask for a new link in your settings.",
  unknown: "This link was used already. Your address has not changed.",
  taken: "Another Vendorwatch account uses that address, so yours could not move to it.",
};

export function ConfirmEmailChange({ token, newEmail }: { token: string; newEmail: string }) {
  const [outcome, setOutcome] = useState<EmailChangeOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  if (outcome?.ok)
    return (
      <div className="mx-auto max-w-md space-y-4 py-6" role="status">
        <h1 className="text-2xl font-bold tracking-tight">Your address is now {outcome.newEmail}</h1>
        <p className="text-muted-foreground">Sign in and alerts use it from now on.</p>
        <Link href="/settings" className="font-medium underline underline-offset-2">
          Back to your settings
        </Link>
      </div>
    );
  return (
    <div className="mx-auto max-w-md space-y-6 py-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Confirm your new email address</h1>
        <p className="text-muted-foreground">
          Your Vendorwatch account will use <strong className="text-foreground">{newEmail}</strong> for signing in and
          for alerts.
        </p>
      </div>
      <Button
        size="lg"
        className="w-full"
        disabled={pending}
        onClick={() => startTransition(async () => setOutcome(await confirmEmailChangeAction({ token })))}
      >
        Confirm this address
      </Button>
      {outcome && !outcome.ok && (
        <p role="alert" className="text-sm text-destructive">
          {REFUSED[outcome.reason]}
        </p>
      )}
    </div>
  );
}
