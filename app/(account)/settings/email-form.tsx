"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/actions/authed";
import { changeEmail } from "./actions";
import { ResultNote } from "./result-note";

/** A new address takes effect only once its owner clicks the link we send there. */
export function EmailForm({ current, pending: pendingChange }: { current: string; pending: string | null }) {
  const [email, setEmail] = useState("");
  const [result, setResult] = useState<ActionResult<{ newEmail: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const sentTo = result?.ok ? result.data.newEmail : pendingChange;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await changeEmail({ email })));
      }}
    >
      <p className="text-sm">
        You sign in and get alerts at <strong data-testid="account-email">{current}</strong>.
      </p>
      <div className="space-y-2">
        <Label htmlFor="new-email">New email address</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="new-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="h-10 sm:max-w-sm"
            required
          />
          <Button type="submit" disabled={pending || !email.trim()} className="h-10">
            Send a confirmation link
          </Button>
        </div>
      </div>
      {result && !result.ok && <ResultNote result={result} />}
      {sentTo && (
        <p role="status" className="text-sm">
          We sent a link to <strong>{sentTo}</strong>. Your address changes when you open it and confirm (within 24
          hours).
        </p>
      )}
    </form>
  );
}
