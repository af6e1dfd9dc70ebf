"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/actions/authed";
import { deleteMyAccount } from "./actions";
import { ResultNote } from "./result-note";

/** Deleting the account, confirmed by typing its address. */
export function DeleteAccount({ email }: { email: string }) {
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await deleteMyAccount({ confirmEmail: typed });
          if (r) setResult(r);
        });
      }}
    >
      <div className="space-y-2">
        <Label htmlFor="delete-confirm">Type {email} to confirm</Label>
        <Input
          id="delete-confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="h-10 sm:max-w-sm"
        />
      </div>
      <Button
        type="submit"
        disabled={pending || !matches}
        className="bg-destructive text-white hover:bg-destructive/90"
      >
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
      <ResultNote result={result} />
    </form>
  );
}
