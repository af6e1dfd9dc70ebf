import { describe, expect, it } from "vitest";
import { toUtc } from "@/lib/providers/time";

describe("toUtc", () => {
  it.each([
    ["2019-02-20T13:40:58.572-06:00", null, "2019-02-20T19:40:58.572Z"],
    ["2026-04-21T10:58:27.428+02:00", null, "2026-04-21T08:58:27.428Z"],
    ["2022-07-01T13:37:44+00:00", null, "2022-07-01T13:37:44.000Z"],
    ["2025-02-25T01:32:55Z", null, "2025-02-25T01:32:55.000Z"],
    ["Fri, 23 Aug 2019 04:18:35 PDT", null, "2019-08-23T11:18:35.000Z"],
    ["2025-07-18T08:49:50", "Europe/Zurich", "2025-07-18T06:49:50.000Z"], // CEST
    ["2025-11-13T21:00:00", "Europe/Zurich", "2025-11-13T20:00:00.000Z"], // CET
    ["2020-02-27 13:22:51", null, "2020-02-27T13:22:51.000Z"], // Cachet default UTC
    ["2020-02-27 13:22:51", "America/New_York", "2020-02-27T18:22:51.000Z"],
    ["2026-03-29T03:30:00", "Europe/Berlin", "2026-03-29T01:30:00.000Z"], // just after the spring gap
    ["2026-10-25T01:30:00", "Europe/London", "2026-10-25T00:30:00.000Z"], // ambiguous hour: first occurrence (BST)
    ["2022-12-15T16:03:28", "Europe/Istanbul", "2022-12-15T13:03:28.000Z"],
  ])("%s in %s -> %s", (input, zone, out) => {
    expect(toUtc(input, zone)).toBe(out);
  });
  it("rejects garbage and unknown zones", () => {
    expect(() => toUtc("yesterday")).toThrow();
    expect(() => toUtc("2020-01-01T00:00:00", "Mars/Olympus")).toThrow(/time zone/);
  });
});
