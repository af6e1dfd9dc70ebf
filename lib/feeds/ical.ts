import type { FeedMaintenance, FeedVendor } from "@/lib/feeds/types";
import { vendorUrl } from "@/lib/feeds/types";

/** RFC 5545 3.3.11: backslash, semicolon and comma are escaped; newlines become \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF + one space. Counts UTF-8
 * bytes and never splits a character, so multi-byte names stay valid.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** UTC DATE-TIME form, e.g. 20261120T093000Z. */
export const icalDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Maintenances that have not finished: not completed and ending (or starting) in the future. */
export function upcomingMaintenances<T extends FeedMaintenance>(items: T[], now: Date): T[] {
  return items.filter((m) => {
    if (m.status === "completed" || !m.scheduledFor) return false;
    const end = m.scheduledUntil ?? m.scheduledFor;
    return new Date(end).getTime() >= now.getTime();
  });
}

/** One VEVENT per upcoming maintenance of a vendor (UIDs stable across exports and calendars). */
export function maintenanceEvents({
  vendor,
  maintenances,
  baseUrl,
  now,
}: {
  vendor: FeedVendor;
  maintenances: FeedMaintenance[];
  baseUrl: string;
  now: Date;
}): string[] {
  const host = new URL(baseUrl).hostname;
  const page = vendorUrl(baseUrl, vendor.slug);
  const lines: string[] = [];
  for (const m of upcomingMaintenances(maintenances, now)) {
    const start = new Date(m.scheduledFor ?? now.toISOString());
    lines.push(
      "BEGIN:VEVENT",
      // Stable across exports so calendar apps update the event instead of duplicating it.
      `UID:${escapeText(`${encodeURIComponent(vendor.slug)}.${encodeURIComponent(m.id)}@${host}`)}`,
      `DTSTAMP:${icalDate(now)}`,
      `DTSTART:${icalDate(start)}`,
      ...(m.scheduledUntil ? [`DTEND:${icalDate(new Date(m.scheduledUntil))}`] : []),
      `SUMMARY:${escapeText(`${vendor.name}: ${m.title}`)}`,
      `DESCRIPTION:${escapeText(`Scheduled maintenance announced on the official status page of ${vendor.name} (${vendor.statusPageUrl}).`)}`,
      `URL:${page}`,
      "STATUS:CONFIRMED",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  return lines;
}

/** A calendar of the given events, folded and CRLF-terminated as RFC 5545 wants. */
export function buildCalendar(name: string, events: string[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Vendorwatch//Maintenance calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events,
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** A vendor's own maintenance calendar (/vendors/<slug>/maintenances.ics). */
export function buildIcal(input: {
  vendor: FeedVendor;
  maintenances: FeedMaintenance[];
  baseUrl: string;
  now: Date;
}): string {
  return buildCalendar(`${input.vendor.name} maintenance`, maintenanceEvents(input));
}
