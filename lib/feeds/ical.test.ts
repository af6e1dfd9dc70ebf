import { describe, expect, it } from "vitest";
import { buildIcal, escapeText, foldLine } from "@/lib/feeds/ical";
import type { FeedMaintenance } from "@/lib/feeds/types";

const now = new Date("2026-11-21T08:00:00.000Z");
const vendor = { slug: "acme", name: "Acme; Inc, \\ Co", statusPageUrl: "https://status.acme.test" };
const m = (o: Partial<FeedMaintenance>): FeedMaintenance => ({
  id: "m1",
  title: "Database upgrade",
  status: "scheduled",
  scheduledFor: "2026-11-22T01:00:00.000Z",
  scheduledUntil: "2026-11-22T03:00:00.000Z",
  ...o,
});

/** Unfolds per RFC 5545 3.1 and splits into properties. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
}

describe("buildIcal", () => {
  const long =
    "A very long maintenance title with ünïcödé characters that will need folding across several lines, really";
  const ics = buildIcal({
    vendor,
    baseUrl: "https://vw.example.org",
    now,
    maintenances: [
      m({ title: long }),
      m({ id: "done", status: "completed" }),
      m({ id: "past", scheduledFor: "2026-11-01T00:00:00Z", scheduledUntil: "2026-11-01T01:00:00Z" }),
    ],
  });

  it("uses CRLF line endings and folds lines at 75 octets", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("has one VEVENT per upcoming maintenance with UID, DTSTAMP, DTSTART, DTEND", () => {
    const props = unfold(ics);
    expect(props[0]).toBe("BEGIN:VCALENDAR");
    expect(props).toContain("VERSION:2.0");
    expect(props.some((p) => p.startsWith("PRODID:"))).toBe(true);
    expect(props.filter((p) => p === "BEGIN:VEVENT")).toHaveLength(1);
    expect(props).toContain("UID:acme.m1@vw.example.org");
    expect(props).toContain("DTSTAMP:20261121T080000Z");
    expect(props).toContain("DTSTART:20261122T010000Z");
    expect(props).toContain("DTEND:20261122T030000Z");
    expect(props).toContain(`SUMMARY:Acme\\; Inc\\, \\\\ Co: ${long.replace(/,/g, "\\,")}`);
    expect(props.at(-1)).toBe("END:VCALENDAR");
  });

  it("escapes text and folds without splitting characters", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"é".repeat(60)}`);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"é".repeat(60)}`);
  });
});
