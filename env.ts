import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { ConfigError } from "@/lib/errors";

/**
 * The one validated reader of process.env. A wrong value fails the start (and the build,
 * since next.config.mjs imports this) with one line that names the variable.
 */
export { ConfigError };

const flag = z
  .enum(["0", "1", "true", "false"])
  .default("0")
  .transform((v) => v === "1" || v === "true");

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/[^/]/.test(v) && URL.canParse(v), {
  message: "must be a postgres:// or postgresql:// connection URL",
});

/** Every variable Vendorwatch reads; deploy files are checked against these names and rules. */
export const serverSchema = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  /** A direct (unpooled) connection for migrations and LISTEN, when DATABASE_URL goes through PgBouncer. */
  DATABASE_DIRECT_URL: postgresUrl.optional(),
  /** Connections each process keeps to PostgreSQL (instances x this must stay under max_connections). */
  DATABASE_POOL_MAX: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(10),
  TEST_DATABASE_URL: postgresUrl.optional(),
  /** Ports the end-to-end run and the benchmarks serve the app on (test harness only). */
  E2E_PORT: z.coerce.number({ error: "must be a number" }).int().min(1024).max(65535).default(3210),
  BENCH_PORT: z.coerce.number({ error: "must be a number" }).int().min(1024).max(65535).default(3230),
  VENDORWATCH_DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  APP_URL: z.url().optional(),
  VENDORWATCH_ALLOW_PRIVATE_NETWORKS: flag,
  VENDORWATCH_SCHEDULER: z.enum(["on", "off"]).default("on"),
  VENDORWATCH_SEED: z.enum(["catalog", "none"]).default("catalog"),
  POLL_INTERVAL_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(5).max(3600).default(30),
  HOT_POLL_INTERVAL_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(5).max(3600).default(15),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  /** Hexadecimal (the SDK hashes it as hex), optionally prefixed `signkey-<env>-` as Inngest cloud shows it. */
  INNGEST_SIGNING_KEY: z
    .string()
    .regex(/^(signkey-[a-z0-9]+-)?([0-9a-f]{2})+$/i, "must be hexadecimal, optionally prefixed signkey-<env>-")
    .optional(),
  INNGEST_SIGNING_KEY_FALLBACK: z
    .string()
    .regex(/^(signkey-[a-z0-9]+-)?([0-9a-f]{2})+$/i, "must be hexadecimal, optionally prefixed signkey-<env>-")
    .optional(),
  INNGEST_DEV: z.string().min(1).optional(),
  /** A self-hosted Inngest server (`inngest start`), e.g. http://inngest:8288. Unset: Inngest cloud. */
  INNGEST_BASE_URL: z.url().optional(),
  /** The origin Inngest reaches this app's /api/inngest on, when it differs from the request's own. */
  INNGEST_SERVE_ORIGIN: z.url().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  /** Resend's rate limit for the team (2 requests a second unless Resend raised it). */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number({ error: "must be a number" }).positive().max(1000).default(2),
  /** Signing secret (whsec_...) of the Resend webhook that reports bounces and complaints. */
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Vendorwatch <alerts@vendorwatch.local>"),
  /** Set by `npm start` for the web server's own modules; tells its connections from the scheduler's. */
  VENDORWATCH_ROLE: z.enum(["web", "worker"]).default("worker"),
  /** Signs sessions and sign-in links. Unset: generated once and kept in VENDORWATCH_DATA_DIR. */
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** OAuth sign-in: each provider appears on /login only when both its id and secret are set. */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  /** 1 behind a reverse proxy that appends the client's address to X-Forwarded-For (rate limits read it). */
  VENDORWATCH_TRUST_PROXY: flag,
  /** Who may open the operator console (/admin): comma-separated email addresses. */
  ADMIN_EMAILS: z.string().optional(),
  /** Retention (days), applied daily: incident snapshots (raw payloads), poll history, delivery logs. */
  RETENTION_SNAPSHOT_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3650).default(30),
  RETENTION_POLL_HISTORY_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3650).default(7),
  RETENTION_DELIVERY_DAYS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3650).default(90),
  /** Pinged once per poll interval while healthy (a dead-man's switch for an outside monitor). */
  HEALTHCHECK_URL: z.url().optional(),
  /** When set, /api/metrics answers only requests with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Read by libuv, not by our code: threads for DNS lookups (the npm scripts and the image set 64). */
  UV_THREADPOOL_SIZE: z.coerce.number({ error: "must be a number" }).int().min(1).max(1024).optional(),
  /** Read by Next: 1 turns its anonymous telemetry off (the image and the build set it). */
  NEXT_TELEMETRY_DISABLED: flag,
  /** Lowest level written to the log (lib/log.ts); unset: info (warn for one-shot CLI commands). */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).optional(),
  /** `auto`: readable lines on a terminal, one JSON object per line otherwise. */
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
};

export const env = createEnv({
  server: serverSchema,
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const first = issues[0];
    const key = first?.path?.map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") ?? "?";
    throw new ConfigError(`Invalid environment variable ${key}: ${first?.message ?? "invalid value"}`);
  },
});

/** The public base URL, used for canonical links, feeds and emails. */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** True when an Inngest server (cloud or self-hosted) drives the functions instead of the in-process scheduler. */
export function inngestIsExternal(): boolean {
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || inngestDevMode());
}

/** INNGEST_DEV=1 (or the dev server's URL) talks to an Inngest dev server; 0 or false means no. */
export function inngestDevMode(): boolean {
  return Boolean(env.INNGEST_DEV && !/^(0|false)$/i.test(env.INNGEST_DEV));
}
