"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { type Plan, nextPlan } from "@/lib/plans";
import { joinProWaitlist } from "./actions";

/** Room left on the plan, and the way up: a waitlist until payments exist. */
export function PlanUsage({ plan, count, waitlisted }: { plan: Plan; count: number; waitlisted: boolean }) {
  const [joined, setJoined] = useState(waitlisted);
  const [pending, startTransition] = useTransition();
  const upgrade = nextPlan(plan);
  if (!upgrade) return null;
  if (joined)
    return (
      <p role="status" className="text-sm text-muted-foreground">
        You are on the waitlist for {upgrade.name} ({upgrade.vendorLimit} vendors). We will email you.
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {count >= plan.vendorLimit && <span>Need more than {plan.vendorLimit}?</span>}
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await joinProWaitlist({});
            if (result.ok) setJoined(true);
          })
        }
      >
        Join the {upgrade.name} waitlist ({upgrade.vendorLimit} vendors)
      </Button>
    </div>
  );
}
