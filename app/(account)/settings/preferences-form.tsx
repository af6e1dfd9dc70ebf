"use client";

import { useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/actions/authed";
import type { PreferencesPatch } from "@/lib/data/preferences";
import { savePreferences } from "./actions";
import { ResultNote } from "./result-note";

export type Preferences = Required<PreferencesPatch>;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const noSubscription = () => () => {};
const pad = (n: number) => String(n).padStart(2, "0");
const toTime = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const fromTime = (value: string) => {
  const [h, m] = value.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Time zone, instant alerts, digests and quiet hours: one form, one Save. */
export function PreferencesForm({ initial, zones }: { initial: Preferences; zones: string[] }) {
  const [p, setP] = useState(initial);
  const [result, setResult] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  // Null on the server, which cannot know the browser's zone; filled in right after hydration.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const options = browserZone && !zones.includes(browserZone) ? [...zones, browserZone].sort() : zones;
  const set = <K extends keyof Preferences>(key: K, value: Preferences[K]) =>
    setP((prev) => ({ ...prev, [key]: value }));

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await savePreferences(p)));
      }}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="pref-zone">Time zone</Label>
        <NativeSelect
          id="pref-zone"
          value={p.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
          className="w-full max-w-sm"
        >
          {options.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </NativeSelect>
        {browserZone && browserZone !== p.timeZone && (
          <p className="text-sm text-muted-foreground">
            Your browser says {browserZone.replace(/_/g, " ")}.{" "}
            <button type="button" className="underline underline-offset-2" onClick={() => set("timeZone", browserZone)}>
              Use it
            </button>
          </p>
        )}
        <p className="text-xs text-muted-foreground">Digest times and quiet hours are in this zone.</p>
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={p.instant}
          onChange={(e) => set("instant", e.target.checked)}
        />
        <span>
          <span className="font-medium">Instant alerts</span>
          <span className="block text-muted-foreground">An email as soon as a vendor you monitor posts a change.</span>
        </span>
      </label>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Digest</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {(["off", "daily", "weekly"] as const).map((d) => (
            <label key={d} className="flex items-center gap-2">
              <input type="radio" name="digest" checked={p.digest === d} onChange={() => set("digest", d)} />
              {d === "off" ? "No digest" : d === "daily" ? "Daily" : "Weekly"}
            </label>
          ))}
        </div>
        {p.digest !== "off" && (
          <div className="flex flex-wrap gap-4">
            {p.digest === "weekly" && (
              <div className="flex flex-col gap-1">
                <Label htmlFor="pref-weekday">Weekday</Label>
                <NativeSelect
                  id="pref-weekday"
                  value={p.digestWeekday}
                  onChange={(e) => set("digestWeekday", Number(e.target.value))}
                >
                  {WEEKDAYS.map((day, i) => (
                    <option key={day} value={i}>
                      {day}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            )}
            <div className="flex flex-col gap-1">
              <Label htmlFor="pref-hour">Hour</Label>
              <NativeSelect
                id="pref-hour"
                value={p.digestHour}
                onChange={(e) => set("digestHour", Number(e.target.value))}
              >
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {pad(h)}:00
                  </option>
                ))}
              </NativeSelect>
            </div>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input
                type="checkbox"
                checked={p.digestWhenEmpty}
                onChange={(e) => set("digestWhenEmpty", e.target.checked)}
              />
              Send it even when nothing happened
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Quiet hours</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={p.quietHours} onChange={(e) => set("quietHours", e.target.checked)} />
          Hold instant alerts during quiet hours
        </label>
        {p.quietHours && (
          <div className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor="pref-quiet-start">From</Label>
              <Input
                id="pref-quiet-start"
                type="time"
                value={toTime(p.quietStart)}
                onChange={(e) => set("quietStart", fromTime(e.target.value))}
                className="w-32"
              />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="pref-quiet-end">To</Label>
              <Input
                id="pref-quiet-end"
                type="time"
                value={toTime(p.quietEnd)}
                onChange={(e) => set("quietEnd", fromTime(e.target.value))}
                className="w-32"
              />
            </div>
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                checked={p.quietAllowsCritical}
                onChange={(e) => set("quietAllowsCritical", e.target.checked)}
              />
              Critical outages still alert
            </label>
          </div>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save alert settings"}
        </Button>
        <ResultNote result={result} />
      </div>
    </form>
  );
}
