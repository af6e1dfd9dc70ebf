"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { resetCalendarAddress } from "./actions";

/** The secret address of "my maintenance calendar", to copy into a calendar app, and its reset. */
export function CalendarCard({ url: initialUrl }: { url: string }) {
  const [url, setUrl] = useState(initialUrl);
  const [note, setNote] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <div className="space-y-2">
        <Label htmlFor="calendar-url">Calendar address</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="calendar-url"
            readOnly
            value={url}
            className="h-10 font-mono text-xs"
            onFocus={(e) => e.target.select()}
          />
          <Button
            type="button"
            variant="outline"
            className="h-10"
            onClick={() => void navigator.clipboard?.writeText(url).then(() => setNote("Copied."))}
          >
            Copy
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await resetCalendarAddress({});
              if (result.ok) {
                setUrl(result.data);
                setNote("New address made. The old one no longer works: update your calendar app.");
              } else setNote(result.message);
            })
          }
        >
          Reset the address
        </Button>
        {note && (
          <p role="status" className="text-sm">
            {note}
          </p>
        )}
      </div>
    </div>
  );
}
