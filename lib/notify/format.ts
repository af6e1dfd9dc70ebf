import { IMPACT_TEXT, INCIDENT_STATUS_TEXT, STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { AlertComponent, AlertIncident, AlertMaintenance, AlertMessage } from "@/lib/notify/message";
import { formatDuration } from "@/lib/text/format";
import { vendorMarkdownToLine } from "@/lib/text/vendor-text";

/** Words every channel uses for an alert, so an email, a Slack post and a Teams card say the same. */
const IMPACT_WORD = { none: "", minor: "minor", major: "major", critical: "critical" } as const;

export const plainTitle = (title: string) => vendorMarkdownToLine(title) || title.trim();

export function incidentState(i: AlertIncident): string {
  if (i.event === "resolved") return "resolved";
  if (i.event === "postmortem") return "postmortem published";
  if (i.event === "reopened") return "reopened";
  return INCIDENT_STATUS_TEXT[i.status].toLowerCase();
}

export const INCIDENT_EVENT_LABEL: Record<AlertIncident["event"], string> = {
  created: "New incident",
  updated: "Update",
  resolved: "Resolved",
  postmortem: "Postmortem",
  reopened: "Reopened",
};

export const MAINTENANCE_EVENT_LABEL: Record<AlertMaintenance["event"], string> = {
  scheduled: "Maintenance scheduled",
  reminder: "Maintenance starts within the hour",
  started: "Maintenance started",
  completed: "Maintenance completed",
};

export function componentChange(c: AlertComponent): string {
  if (c.to === "operational") return c.from ? `recovered (was ${STATUS_TEXT[c.from].toLowerCase()})` : "operational";
  return STATUS_TEXT[c.to].toLowerCase();
}

const IMPACT_ORDER = ["none", "minor", "major", "critical"];

/** The incident a subject leads with: the worst, then the first. */
export function leadIncident(m: AlertMessage): AlertIncident | undefined {
  return [...m.incidents].sort((a, b) => IMPACT_ORDER.indexOf(b.impact) - IMPACT_ORDER.indexOf(a.impact))[0];
}

/** "Stripe: Elevated API errors (major), investigating": the vendor and what happened. */
export function alertSubject(m: AlertMessage): string {
  const vendor = m.vendor.name;
  const more = (n: number) => (n > 0 ? ` (+${n} more)` : "");
  const lead = leadIncident(m);
  if (lead) {
    const impact = IMPACT_WORD[lead.impact];
    return `${vendor}: ${plainTitle(lead.title)}${impact ? ` (${impact})` : ""}, ${incidentState(lead)}${more(m.incidents.length - 1)}`;
  }
  if (m.components.length) {
    const shown = m.components
      .slice(0, 2)
      .map((c) => `${c.name} ${c.to === "operational" ? "recovered" : componentChange(c)}`);
    return `${vendor}: ${shown.join(", ")}${more(m.components.length - 2)}`;
  }
  const first = m.maintenances[0];
  if (!first) return `${vendor}: status update`;
  const word = {
    scheduled: "scheduled",
    reminder: "starts within the hour",
    started: "started",
    completed: "completed",
  }[first.event];
  return `${vendor}: ${plainTitle(first.title)}, maintenance ${word}${more(m.maintenances.length - 1)}`;
}

const zoneNames = new Map<string, (d: Date) => string>();

/** The zone's usual abbreviation (CEST, EDT, IST) where English has one, else its offset (GMT+5:45). */
function zoneName(timeZone: string): (d: Date) => string {
  let f = zoneNames.get(timeZone);
  if (!f) {
    const us = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    const gb = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" });
    const name = (fmt: Intl.DateTimeFormat, d: Date) =>
      fmt.formatToParts(d).find((p) => p.type === "timeZoneName")?.value ?? "";
    f = (d) => {
      const a = name(us, d);
      if (/^[A-Z]{2,5}$/.test(a)) return a;
      const b = name(gb, d);
      return /^[A-Z]{2,5}$/.test(b) ? b : b || a || timeZone;
    };
    zoneNames.set(timeZone, f);
  }
  return f;
}

/** "16 Sep 2024, 23:31 CEST" in the reader's zone. */
export function formatLocal(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const month = get("month").slice(0, 3);
  return `${get("day")} ${month} ${get("year")}, ${get("hour")}:${get("minute")} ${zoneName(timeZone)(d)}`;
}

export function maintenanceWindow(
  m: Pick<AlertMaintenance, "scheduledFor" | "scheduledUntil">,
  timeZone: string,
): string {
  if (!m.scheduledFor) return "time not announced";
  const from = formatLocal(m.scheduledFor, timeZone);
  if (!m.scheduledUntil) return `from ${from}`;
  const ms = new Date(m.scheduledUntil).getTime() - new Date(m.scheduledFor).getTime();
  return `${from}, for ${formatDuration(ms)}`;
}

export const impactText = (i: AlertIncident) => IMPACT_TEXT[i.impact];
