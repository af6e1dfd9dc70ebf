import { Resend } from "resend";
import { env } from "@/env";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One email as we hand it over: always both an HTML and a plain-text part. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
}

export type SendFailure = {
  ok: false;
  /** False for errors that another try cannot fix (a reused idempotency key, an invalid address). */
  retryable: boolean;
  status: number | null;
  code: string;
  message: string;
};
export type SendResult = { ok: true; ids: string[] } | SendFailure;

/** Resend takes at most this many emails per batch call. */
export const BATCH_LIMIT = 100;

/**
 * Resend errors that are final. A 409 `invalid_idempotent_request` means the key was used with
 * another body: retrying can never succeed, and sending under a new key could deliver twice.
 */
const PERMANENT = new Set([
  "validation_error",
  "invalid_idempotent_request",
  "invalid_idempotency_key",
  "invalid_from_address",
]);

export interface EmailTransportOptions {
  /** Without a key nothing leaves the machine: emails go to the local outbox. */
  apiKey?: string;
  /** A Resend-compatible API (tests point it at a local capture server). */
  baseUrl?: string;
  from: string;
  /** Also print locally kept emails (production installs without Resend read sign-in links there). */
  logLocal: boolean;
}

export interface EmailTransport {
  /** True when mail really leaves (Resend, or a Resend-compatible server at baseUrl). */
  readonly configured: boolean;
  send(emails: OutgoingEmail[], opts: { idempotencyKey: string; timeoutMs?: number }): Promise<SendResult>;
}

interface ResendError {
  name?: string;
  message?: string;
  statusCode?: number | null;
}

function failure(error: ResendError): SendFailure {
  // The SDK reports a request that got no answer (timeout, reset) as an application_error without a status.
  const unanswered = (error.statusCode ?? null) === null && (error.name ?? "application_error") === "application_error";
  const code = unanswered ? "network_error" : (error.name ?? "application_error");
  return {
    ok: false,
    retryable: !PERMANENT.has(code),
    status: error.statusCode ?? null,
    code,
    message: error.message ?? code,
  };
}

/**
 * Sends one email or a batch of up to 100 through Resend with an idempotency key, so a retry of the
 * same send is answered from Resend's record instead of delivering twice (for 24 hours). Without an
 * API key nothing leaves the machine, and nothing is dropped either: the emails land in the local
 * outbox (see storeLocally).
 */
export function createEmailTransport(options: EmailTransportOptions): EmailTransport {
  const client = options.apiKey ? new Resend(options.apiKey, { baseUrl: options.baseUrl }) : null;
  const toApi = (email: OutgoingEmail) => ({ from: options.from, ...email });
  return {
    configured: client !== null,
    async send(emails, opts) {
      if (!emails.length) return { ok: true, ids: [] };
      if (emails.length > BATCH_LIMIT) throw new Error(`a batch holds at most ${BATCH_LIMIT} emails`);
      if (!client) return storeLocally(emails, opts.idempotencyKey, options);
      const request = { idempotencyKey: opts.idempotencyKey, signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000) };
      try {
        if (emails.length === 1) {
          const { data, error } = await client.emails.send(toApi(emails[0] as OutgoingEmail), request);
          return error ? failure(error) : { ok: true, ids: [data?.id ?? ""] };
        }
        const { data, error } = await client.batch.send(emails.map(toApi), request);
        return error ? failure(error) : { ok: true, ids: (data?.data ?? []).map((d) => d.id) };
      } catch (e) {
        // A timeout or a dropped connection: the email may or may not have been accepted, and the
        // idempotency key makes the retry safe either way.
        return { ok: false, retryable: true, status: null, code: "network_error", message: (e as Error).message };
      }
    },
  };
}

let shared: EmailTransport | null = null;

/** The transport configured by the environment (RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM). */
export function emailTransport(): EmailTransport {
  shared ??= createEmailTransport({
    apiKey: env.RESEND_API_KEY,
    baseUrl: env.RESEND_BASE_URL,
    from: env.EMAIL_FROM,
    logLocal: env.NODE_ENV === "production",
  });
  return shared;
}

/**
 * The local outbox, for installs without Resend: every email is kept in the database (shown at
 * /dev/emails in development) and, in production, also written to the log, so a self-hoster can
 * still read a sign-in link. The idempotency key keeps a retried send from storing it twice.
 */
async function storeLocally(
  emails: OutgoingEmail[],
  idempotencyKey: string,
  options: EmailTransportOptions,
): Promise<SendResult> {
  const rows = emails.map((e, i) => ({
    idempotencyKey: emails.length === 1 ? idempotencyKey : `${idempotencyKey}#${i}`,
    from: options.from,
    to: e.to,
    subject: e.subject,
    html: e.html,
    text: e.text,
    headers: (e.headers ?? {}) as Prisma.InputJsonValue,
  }));
  await db.localEmail.createMany({ data: rows, skipDuplicates: true });
  const stored = await db.localEmail.findMany({
    where: { idempotencyKey: { in: rows.map((r) => r.idempotencyKey) } },
    select: { id: true, idempotencyKey: true },
  });
  if (options.logLocal) {
    for (const e of emails)
      console.log(`[email] kept locally (no RESEND_API_KEY) for ${e.to}: ${e.subject}\n${e.text}`);
  }
  const byKey = new Map(stored.map((s) => [s.idempotencyKey, s.id]));
  return { ok: true, ids: rows.map((r) => byKey.get(r.idempotencyKey) ?? "") };
}
