"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/authed";
import { followFromDashboard } from "./actions";

/** "Monitor <vendor>?" after a sign-in whose follow could not be confirmed as the user's own. */
export function FollowConfirm({ slug, name }: { slug: string; name: string }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) return null;
  return (
    <Alert tone="info" className="flex flex-wrap items-center gap-3">
      <span>You were about to monitor {name}.</span>
      <Button
        size="sm"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await followFromDashboard({ slug })))}
      >
        Monitor {name}
      </Button>
      {result && !result.ok && (
        <span role="alert" className="text-destructive">
          {result.message}
        </span>
      )}
    </Alert>
  );
}
