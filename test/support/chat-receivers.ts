import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

/**
 * Loopback stand-ins for Slack incoming webhooks, Discord webhooks, Teams Workflows webhooks and a
 * generic webhook endpoint: real HTTP servers that answer as those services do (Slack's "ok",
 * Discord's message JSON for ?wait=true, Teams' 202), check the documented limits, verify
 * Standard Webhooks signatures, and take injected faults.
 *
 *   const rx = await startChatReceivers();
 *   const url = rx.urlFor("slack", "team-a");       // a channel target
 *   rx.inject({ status: 503 }, 2, "slack");          // the next two Slack calls fail
 *   rx.chaos(0.2, random);                            // any call fails with 20% probability
 *   rx.accepted("slack", "team-a")                    // what the channel really received
 */
export type Service = "slack" | "discord" | "teams" | "webhook";
export type ReceiverFault =
  | { status: number }
  | { fault: "timeout" | "reset" }
  /** Generic webhooks only: the call is processed, then the answer is lost (a 500). */
  | { acceptThenFail: number };

export interface ReceivedCall {
  service: Service;
  hook: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: Date;
}

export interface ChatReceivers {
  url: string;
  urlFor(service: Service, hook: string): string;
  /** Calls the service accepted (a repeat of a generic webhook id is answered but not counted). */
  calls: ReceivedCall[];
  /** Every request, including failed ones. */
  requests: number;
  /** Generic webhook redeliveries recognised by their webhook-id. */
  redeliveries: number;
  setSecret(hook: string, secret: string): void;
  inject(fault: ReceiverFault, times?: number, service?: Service): void;
  /**
   * Fails calls with this probability (0..1): 503, 500, a dropped connection, a hang (for
   * `stallMs` and then dropped, or until the client gives up), and for generic webhooks a lost answer.
   */
  chaos(probability: number, random?: () => number, opts?: { stallMs?: number }): void;
  accepted(service: Service, hook?: string): ReceivedCall[];
  clear(): void;
  close(): Promise<void>;
}

const SERVICES: Service[] = ["slack", "discord", "teams", "webhook"];

function check(service: Service, body: Record<string, unknown>, raw: string): string | null {
  if (service === "slack") {
    const blocks = body.blocks as Array<{ type: string; text?: { text?: string } }> | undefined;
    if (!body.text && !blocks) return "no_text";
    if (blocks && blocks.length > 50) return "invalid_blocks";
    if (blocks?.some((b) => b.type === "header" && (b.text?.text?.length ?? 0) > 150)) return "invalid_blocks";
    if (blocks?.some((b) => b.type === "section" && (b.text?.text?.length ?? 0) > 3000)) return "invalid_blocks";
  }
  if (service === "discord") {
    const embeds = (body.embeds as Array<Record<string, unknown>> | undefined) ?? [];
    if (!body.content && !embeds.length) return "Cannot send an empty message";
    if (typeof body.content === "string" && body.content.length > 2000) return "content too long";
    if (embeds.length > 10) return "too many embeds";
    const total = embeds.reduce((n, e) => n + JSON.stringify([e.title, e.description, e.fields, e.footer]).length, 0);
    if (total > 7000 || embeds.some((e) => String(e.title ?? "").length > 256)) return "embed too long";
  }
  if (service === "teams") {
    const att = (body.attachments as Array<{ contentType?: string; content?: { type?: string } }> | undefined)?.[0];
    if (
      body.type !== "message" ||
      att?.contentType !== "application/vnd.microsoft.card.adaptive" ||
      att.content?.type !== "AdaptiveCard"
    )
      return "not an Adaptive Card message";
    if (Buffer.byteLength(raw) > 28 * 1024) return "message too large";
  }
  return null;
}

export async function startChatReceivers(): Promise<ChatReceivers> {
  const calls: ReceivedCall[] = [];
  const faults: Array<{ fault: ReceiverFault; service?: Service }> = [];
  const secrets = new Map<string, string>();
  const seenIds = new Set<string>();
  const sockets = new Set<Socket>();
  let chaosP = 0;
  let rand = Math.random;
  let stallMs: number | null = null;
  const state = { requests: 0, redeliveries: 0 };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://receivers");
    const [, service, ...rest] = url.pathname.split("/") as [string, Service, ...string[]];
    const hook = rest.join("/");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const raw = Buffer.concat(chunks).toString("utf8");
      if (req.method !== "POST" || !SERVICES.includes(service)) return res.writeHead(404).end("not found");
      const i = faults.findIndex((f) => !f.service || f.service === service);
      let fault = i >= 0 ? faults.splice(i, 1)[0]?.fault : undefined;
      if (!fault && chaosP > 0 && rand() < chaosP) {
        const r = rand();
        fault =
          r < 0.4 ? { status: 503 } : r < 0.7 ? { fault: "timeout" } : r < 0.85 ? { status: 500 } : { fault: "reset" };
        if (service === "webhook" && r > 0.95) fault = { acceptThenFail: 502 };
      }
      if (fault && "fault" in fault) {
        if (fault.fault === "reset") return req.socket.destroy();
        // The service hangs and then gives up on the request: the client sees no answer.
        if (stallMs !== null) return void setTimeout(() => req.socket.destroy(), stallMs);
        return; // no answer at all: the client's own timeout ends it
      }
      if (fault && "status" in fault)
        return res.writeHead(fault.status, { "content-type": "text/plain" }).end("injected failure");
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return res.writeHead(400).end(service === "slack" ? "invalid_payload" : "invalid JSON");
      }
      const invalid = check(service, body, raw);
      if (invalid) return res.writeHead(400, { "content-type": "text/plain" }).end(invalid);
      if (service === "webhook") {
        const secret = secrets.get(hook);
        if (secret) {
          try {
            new Webhook(secret).verify(raw, req.headers as Record<string, string>);
          } catch {
            return res.writeHead(401).end("bad signature");
          }
        }
        const id = String(req.headers["webhook-id"] ?? "");
        if (id && seenIds.has(id)) {
          state.redeliveries++;
          return res.writeHead(200).end("duplicate ignored");
        }
        if (id) seenIds.add(id);
      }
      calls.push({ service, hook, headers: req.headers, body, at: new Date() });
      if (fault && "acceptThenFail" in fault) return res.writeHead(fault.acceptThenFail).end("lost answer");
      if (service === "slack") return res.writeHead(200, { "content-type": "text/html" }).end("ok");
      if (service === "discord") {
        if (url.searchParams.get("wait") !== "true") return res.writeHead(204).end();
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ id: String(calls.length), ...body }));
      }
      if (service === "teams") return res.writeHead(202).end();
      return res.writeHead(200).end("received");
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    urlFor: (service, hook) => `${base}/${service}/${hook}`,
    calls,
    get requests() {
      return state.requests;
    },
    get redeliveries() {
      return state.redeliveries;
    },
    setSecret: (hook, secret) => void secrets.set(hook, secret),
    inject(fault, times = 1, service) {
      for (let i = 0; i < times; i++) faults.push({ fault, service });
    },
    chaos(p, random = Math.random, opts = {}) {
      chaosP = p;
      rand = random;
      stallMs = opts.stallMs ?? null;
    },
    accepted: (service, hook) => calls.filter((c) => c.service === service && (hook === undefined || c.hook === hook)),
    clear() {
      calls.length = 0;
      faults.length = 0;
      seenIds.clear();
      state.requests = 0;
      state.redeliveries = 0;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
