import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A Resend-compatible HTTP server on loopback, standing in for api.resend.com in tests (the SDK
 * and lib/email/transport.ts honour RESEND_BASE_URL). It implements what we use of the API:
 * `POST /emails` and `POST /emails/batch` with Bearer auth, at most 100 emails a batch, and
 * `Idempotency-Key` semantics (the same key and body replays the first answer; the same key with
 * another body is a 409 `invalid_idempotent_request`). Faults can be injected per request.
 *
 *   const resend = await startResendCapture();
 *   // app env: RESEND_API_KEY=re_test, RESEND_BASE_URL=resend.url
 *   resend.inject({ status: 500 }, 2);            // the next two calls fail with 500
 *   resend.inject({ fault: "timeout" });           // the next call never answers
 *   await resend.waitFor((e) => e.to.includes("a@example.com"));
 *
 * Other processes (Playwright) read what arrived from `GET /__captured?to=<address>`.
 */
export interface CapturedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: Array<{ name: string; value: string }>;
  idempotencyKey: string | null;
  at: Date;
}

export type ResendFault =
  { status: number; name?: string } | { fault: "timeout" | "reset" } | { acceptThenFail: number };

export interface ResendCapture {
  url: string;
  emails: CapturedEmail[];
  /** Every call, including failed and replayed ones. */
  calls: Array<{ path: string; idempotencyKey: string | null; status: number; count: number }>;
  inject(fault: ResendFault, times?: number): void;
  /** Fails each call with this probability (0..1), with a 500 or a timeout. */
  chaos(probability: number, random?: () => number): void;
  waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  to(address: string): CapturedEmail[];
  clear(): void;
  close(): Promise<void>;
}

interface ApiEmail {
  from?: string;
  to?: string | string[];
  subject?: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
}

const hash = (body: string) => createHash("sha256").update(body).digest("hex");

export async function startResendCapture(opts: { apiKey?: string } = {}): Promise<ResendCapture> {
  const emails: CapturedEmail[] = [];
  const calls: ResendCapture["calls"] = [];
  const faults: ResendFault[] = [];
  const replies = new Map<string, { bodyHash: string; status: number; json: unknown }>();
  const sockets = new Set<Socket>();
  let chaosP = 0;
  let rand = Math.random;

  const send = (res: http.ServerResponse, status: number, json: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
  };
  const error = (res: http.ServerResponse, status: number, name: string, message: string) =>
    send(res, status, { statusCode: status, name, message });

  const accept = (raw: ApiEmail, key: string | null): CapturedEmail | string => {
    const to = Array.isArray(raw.to) ? raw.to : raw.to ? [raw.to] : [];
    if (!raw.from || !to.length || !raw.subject) return "`from`, `to` and `subject` are required";
    if (!raw.html && !raw.text) return "`html` or `text` is required";
    if (to.length > 50) return "at most 50 recipients";
    // Resend refuses a malformed address (and with it the whole batch).
    const bad = to.find((t) => !/^(?:[^<>]*<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/.test(t));
    if (bad) return `Invalid \`to\` field: ${bad}`;
    return {
      id: randomUUID(),
      from: raw.from,
      to,
      subject: raw.subject,
      html: raw.html ?? "",
      text: raw.text ?? "",
      headers: raw.headers ?? {},
      tags: raw.tags ?? [],
      idempotencyKey: key,
      at: new Date(),
    };
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://capture");
    if (req.method === "GET" && url.pathname === "/__captured") {
      const to = url.searchParams.get("to");
      return send(res, 200, { emails: to ? emails.filter((e) => e.to.includes(to)) : emails });
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const batch = url.pathname === "/emails/batch";
      const record = (status: number, count = 0) =>
        calls.push({ path: url.pathname, idempotencyKey: key, status, count });
      if (req.method !== "POST" || (url.pathname !== "/emails" && !batch)) {
        record(404);
        return error(res, 404, "not_found", "The requested endpoint does not exist.");
      }
      if (req.headers.authorization !== `Bearer ${opts.apiKey ?? "re_test"}`) {
        record(401);
        return error(res, 401, "missing_api_key", "Missing or invalid API key");
      }
      let fault = faults.shift();
      if (!fault && chaosP > 0 && rand() < chaosP) fault = rand() < 0.5 ? { status: 500 } : { fault: "timeout" };
      if (fault && "fault" in fault) {
        record(0);
        if (fault.fault === "reset") return req.socket.destroy();
        return; // timeout: never answer
      }
      if (fault && "status" in fault) {
        record(fault.status);
        return error(res, fault.status, fault.name ?? "internal_server_error", "injected failure");
      }
      if (key) {
        const seen = replies.get(key);
        if (seen && seen.bodyHash !== hash(body)) {
          record(409);
          return error(
            res,
            409,
            "invalid_idempotent_request",
            "Same idempotency key used with a different request body.",
          );
        }
        if (seen) {
          record(seen.status);
          return send(res, seen.status, seen.json);
        }
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        record(422);
        return error(res, 422, "validation_error", "Invalid JSON");
      }
      const items = (batch ? parsed : [parsed]) as ApiEmail[];
      if (!Array.isArray(items) || items.length === 0 || items.length > 100) {
        record(422);
        return error(res, 422, "validation_error", "A batch holds 1 to 100 emails.");
      }
      const accepted = items.map((i) => accept(i, key));
      const invalid = accepted.find((a): a is string => typeof a === "string");
      if (invalid) {
        record(422);
        return error(res, 422, "validation_error", invalid);
      }
      const ok = accepted as CapturedEmail[];
      emails.push(...ok);
      const json = batch ? { data: ok.map((e) => ({ id: e.id })) } : { id: ok[0]?.id };
      if (key) replies.set(key, { bodyHash: hash(body), status: 200, json });
      record(200, ok.length);
      // The email was accepted, but the answer is lost: the client must retry with the same key.
      if (fault && "acceptThenFail" in fault)
        return error(res, fault.acceptThenFail, "internal_server_error", "lost answer");
      send(res, 200, json);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    calls,
    inject(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    chaos(probability, random = Math.random) {
      chaosP = probability;
      rand = random;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = emails.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching email within ${timeoutMs} ms (${emails.length} captured)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    to: (address) => emails.filter((e) => e.to.includes(address)),
    clear() {
      emails.length = 0;
      calls.length = 0;
      faults.length = 0;
      replies.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
