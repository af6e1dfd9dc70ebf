"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/actions/authed";
import type { Impact } from "@/lib/domain/vocabulary";
import type { EventMode } from "@/lib/data/subscriptions";
import { saveSubscription } from "./actions";

export interface PickerGroup {
  group: string | null;
  items: Array<{ id: string; name: string }>;
}

export interface SubscriptionSettings {
  allComponents: boolean;
  components: string[];
  minimumImpact: Impact;
  maintenances: boolean;
  eventMode: EventMode;
}

const IMPACT_CHOICES: Array<[Impact, string]> = [
  ["none", "Any incident"],
  ["minor", "Minor impact and worse"],
  ["major", "Major impact and worse"],
  ["critical", "Critical impact only"],
];

/** How one followed vendor is heard: which components, how bad, maintenances, which updates. */
export function SubscriptionForm({
  slug,
  vendorName,
  groups,
  initial,
}: {
  slug: string;
  vendorName: string;
  groups: PickerGroup[];
  initial: SubscriptionSettings;
}) {
  const [allComponents, setAll] = useState(initial.allComponents);
  const [chosen, setChosen] = useState(() => new Set(initial.components));
  const [minimumImpact, setImpact] = useState(initial.minimumImpact);
  const [maintenances, setMaintenances] = useState(initial.maintenances);
  const [eventMode, setMode] = useState(initial.eventMode);
  const [result, setResult] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  const id = (part: string) => `sub-${slug}-${part}`;
  const toggle = (componentId: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(componentId);
      else next.delete(componentId);
      return next;
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setResult(
        await saveSubscription({
          slug,
          components: allComponents ? "all" : [...chosen],
          minimumImpact,
          maintenances,
          eventMode,
        }),
      );
    });
  };

  return (
    <form onSubmit={submit} className="space-y-5" aria-label={`Alert settings for ${vendorName}`}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Components</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name={id("scope")} checked={allComponents} onChange={() => setAll(true)} />
            All components
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={id("scope")}
              checked={!allComponents}
              onChange={() => setAll(false)}
              disabled={!groups.length}
            />
            Only the ones I choose
          </label>
        </div>
        {!allComponents && (
          <>
            <div className="max-h-80 space-y-3 overflow-y-auto rounded-md border p-3">
              {groups.map(({ group, items }) => (
                <fieldset key={group ?? "__none"} className="space-y-1">
                  <legend className="text-sm font-medium text-muted-foreground">{group ?? "Components"}</legend>
                  {items.map((c) => (
                    <label key={c.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={chosen.has(c.id)}
                        onChange={(e) => toggle(c.id, e.target.checked)}
                      />
                      {c.name}
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
            <p className="text-xs text-muted-foreground" aria-live="polite">
              {chosen.size} chosen
            </p>
          </>
        )}
      </fieldset>
      <div className="flex flex-col gap-2">
        <Label htmlFor={id("impact")}>Minimum impact</Label>
        <NativeSelect
          id={id("impact")}
          value={minimumImpact}
          onChange={(e) => setImpact(e.target.value as Impact)}
          className="max-w-xs"
        >
          {IMPACT_CHOICES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </NativeSelect>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={maintenances} onChange={(e) => setMaintenances(e.target.checked)} />
        Scheduled maintenances
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Incident updates</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={id("mode")}
              checked={eventMode === "every_update"}
              onChange={() => setMode("every_update")}
            />
            Every update
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={id("mode")}
              checked={eventMode === "start_and_resolution"}
              onChange={() => setMode("start_and_resolution")}
            />
            Start and resolution only
          </label>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {result?.ok && (
          <p role="status" className="text-sm">
            Saved.
          </p>
        )}
        {result && !result.ok && (
          <p role="alert" className="text-sm text-destructive">
            {result.message}
          </p>
        )}
      </div>
    </form>
  );
}
