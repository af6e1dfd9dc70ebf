"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/actions/authed";
import type { ApiTokenInfo } from "@/lib/data/api-tokens";
import { formatUtc } from "@/lib/text/format";
import { newApiToken, revokeToken } from "./actions";
import { ResultNote } from "./result-note";

/** Personal API tokens: create (shown once), list, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiTokenInfo[] }) {
  const [name, setName] = useState("");
  const [created, setCreated] = useState<ActionResult<ApiTokenInfo & { token: string }> | null>(null);
  const [error, setError] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await newApiToken({ name });
            setCreated(result);
            if (result.ok) setName("");
          });
        }}
      >
        <Label htmlFor="token-name">Token name</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. deploy script"
            className="h-10 sm:max-w-sm"
          />
          <Button type="submit" disabled={pending || !name.trim()} className="h-10">
            Create token
          </Button>
        </div>
      </form>
      {created?.ok && (
        <Alert tone="success" role="status" className="space-y-2">
          <p className="font-semibold">Copy your new token now: it will not be shown again.</p>
          <code className="block break-all rounded bg-background p-2 font-mono text-xs" data-testid="new-api-token">
            {created.data.token}
          </code>
          <p>
            Use it as <code className="font-mono text-xs">Authorization: Bearer {created.data.prefix}…</code> with
            /api/v1/me/vendors and /api/v1/me/subscriptions.
          </p>
        </Alert>
      )}
      {created && !created.ok && <ResultNote result={created} />}
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">No tokens yet.</p>
      ) : (
        <ul aria-label="API tokens" className="divide-y rounded-lg border">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <span>
                <span className="font-medium">{t.name}</span>{" "}
                <code className="font-mono text-xs text-muted-foreground">{t.prefix}…</code>
                <span className="block text-muted-foreground">
                  Created {formatUtc(t.createdAt)} ·{" "}
                  {t.lastUsedAt ? `last used ${formatUtc(t.lastUsedAt)}` : "never used"}
                </span>
              </span>
              <Button
                variant="outline"
                size="sm"
                disabled={pending}
                onClick={() => startTransition(async () => setError(await revokeToken({ id: t.id })))}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && !error.ok && <ResultNote result={error} />}
    </div>
  );
}
