import { describe, expect, it } from "vitest";
import { configureLog, formatLine, logger } from "@/lib/log";

const at = new Date("2026-12-01T10:20:30.045Z");

describe("structured log lines", () => {
  it("JSON: one object per line with the event's fields, errors as message and stack", () => {
    const err = new Error("connect ECONNREFUSED");
    const line = formatLine("json", at, "error", "scheduler", "poll", {
      vendor: "acme",
      durationMs: 812,
      outcome: "failed",
      err,
      skipped: undefined,
    });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.trim().split("\n")).toHaveLength(1);
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record).toMatchObject({
      time: "2026-12-01T10:20:30.045Z",
      level: "error",
      component: "scheduler",
      event: "poll",
      vendor: "acme",
      durationMs: 812,
      outcome: "failed",
      err: { message: "connect ECONNREFUSED", name: "Error" },
    });
    expect(record).not.toHaveProperty("skipped");
  });

  it("pretty: a readable line, quoting only values with spaces", () => {
    const line = formatLine("pretty", at, "info", "server", "serving", { url: "http://localhost:3000", note: "a b" });
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.045 INFO  server serving url=http:\/\/localhost:3000 note="a b"\n$/);
  });

  it("filters by level and writes JSON when the stream is not a terminal", () => {
    const lines: string[] = [];
    configureLog({ stream: { write: (l: string) => lines.push(l) }, level: "info", format: "auto" });
    const log = logger("cli", { run: 7 });
    log.debug("hidden");
    log.info("shown", { vendor: "acme" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ component: "cli", event: "shown", run: 7, vendor: "acme" });
    configureLog({ stream: { write: (l: string) => lines.push(l), isTTY: true } });
    log.warn("tty");
    expect(lines[1]).toMatch(/WARN {2}cli tty run=7/);
  });
});
