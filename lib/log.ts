import { env } from "@/env";

/**
 * Structured logs: one line per event. On a terminal the line is for people
 * (`12:00:01.042 INFO  scheduler poll.failed vendor=acme durationMs=812 outcome=failed`);
 * elsewhere it is one JSON object, so a log pipeline can filter by vendor, outcome or duration:
 *
 *   const log = logger("scheduler");
 *   log.info("poll.finished", { vendor: "acme", durationMs: 812, outcome: "changed" });
 *   log.error("settle.failed", { err });
 *
 * Field names are the contract: `vendor` (a slug), `durationMs`, `outcome`, `err` (an Error,
 * written as its message, and its stack in JSON). LOG_LEVEL hides what is below it; LOG_FORMAT
 * forces `json` or `pretty`.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

interface Sink {
  write(line: string): unknown;
  isTTY?: boolean;
}

/** Process-wide settings; the CLI sends logs to stderr so stdout stays its output. */
const settings: { stream: Sink; level: LogLevel; format: "json" | "pretty" | "auto" } = {
  stream: process.stdout,
  level: env.LOG_LEVEL ?? "info",
  format: env.LOG_FORMAT,
};

export function configureLog(opts: Partial<typeof settings>): void {
  Object.assign(settings, opts);
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return { message: value.message, name: value.name, ...(value.stack ? { stack: value.stack } : {}) };
  }
  if (value instanceof Date) return value.toISOString();
  return value;
}

function pretty(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

const PRETTY_LEVEL: Record<LogLevel, string> = { debug: "DEBUG", info: "INFO ", warn: "WARN ", error: "ERROR" };

export function formatLine(
  format: "json" | "pretty",
  time: Date,
  level: LogLevel,
  component: string,
  event: string,
  fields: LogFields,
): string {
  if (format === "json") {
    const record: LogFields = { time: time.toISOString(), level, component, event };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) record[k] = serialise(v);
    return `${JSON.stringify(record)}\n`;
  }
  const clock = time.toTimeString().slice(0, 8) + `.${String(time.getMilliseconds()).padStart(3, "0")}`;
  const rest = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${pretty(v)}`)
    .join(" ");
  return `${clock} ${PRETTY_LEVEL[level]} ${component} ${event}${rest ? ` ${rest}` : ""}\n`;
}

function emit(level: LogLevel, component: string, event: string, fields: LogFields = {}): void {
  if (RANK[level] < RANK[settings.level]) return;
  const format = settings.format === "auto" ? (settings.stream.isTTY ? "pretty" : "json") : settings.format;
  try {
    settings.stream.write(formatLine(format, new Date(), level, component, event, fields));
  } catch {
    // A closed pipe must not take the process down with it.
  }
}

/** A logger for one part of the app (`server`, `scheduler`, `cli`, `inngest`, ...). */
export function logger(component: string, bound: LogFields = {}): Logger {
  const at = (level: LogLevel) => (event: string, fields?: LogFields) =>
    emit(level, component, event, fields ? { ...bound, ...fields } : bound);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
