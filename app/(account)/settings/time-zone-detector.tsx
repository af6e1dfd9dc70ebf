"use client";

import { useEffect, useRef } from "react";
import { detectTimeZone } from "./actions";

/**
 * Takes the browser's time zone for digests and quiet hours, once, while the user never chose
 * one (the server ignores it otherwise). Renders nothing; the zone stays editable in settings.
 */
export function TimeZoneDetector() {
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) void detectTimeZone({ timeZone });
  }, []);
  return null;
}
