import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listLocalEmails, localEmail } from "@/lib/email/dev-outbox";
import { createEmailTransport, type OutgoingEmail } from "@/lib/email/transport";
import { connectTestDatabase } from "@/test/support/db";
import { type ResendCapture, startResendCapture } from "@/test/support/resend-capture";

const db = connectTestDatabase();
let resend: ResendCapture;
beforeAll(async () => {
  resend = await startResendCapture();
});
afterAll(() => resend.close());
beforeEach(() => resend.clear());

const email = (to: string, subject = "Hello"): OutgoingEmail => ({
  to,
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});
const live = () =>
  createEmailTransport({ apiKey: "re_test", baseUrl: resend.url, from: "VW <a@vw.test>", logLocal: false });

describe("email transport (Resend API)", () => {
  it("sends one email with its idempotency key, and a batch in one call", async () => {
    const t = live();
    const one = await t.send([email("one@example.com")], { idempotencyKey: "k-one" });
    expect(one.ok).toBe(true);
    const batch = await t.send([email("a@example.com"), email("b@example.com")], { idempotencyKey: "k-batch" });
    expect(batch).toMatchObject({ ok: true });
    expect(batch.ok && batch.ids).toHaveLength(2);
    expect(resend.calls.map((c) => [c.path, c.idempotencyKey, c.count])).toEqual([
      ["/emails", "k-one", 1],
      ["/emails/batch", "k-batch", 2],
    ]);
    expect(resend.to("one@example.com")[0]).toMatchObject({ from: "VW <a@vw.test>", text: "Hello" });
  });

  it("a retry with the same key and body is answered without a second email", async () => {
    const t = live();
    const first = await t.send([email("r@example.com")], { idempotencyKey: "k-retry" });
    const again = await t.send([email("r@example.com")], { idempotencyKey: "k-retry" });
    expect(again).toEqual(first);
    expect(resend.to("r@example.com")).toHaveLength(1);
  });

  it("a reused key with another body is a permanent failure; 5xx and timeouts are retryable", async () => {
    const t = live();
    await t.send([email("x@example.com", "first")], { idempotencyKey: "k-409" });
    const reused = await t.send([email("x@example.com", "second")], { idempotencyKey: "k-409" });
    expect(reused).toMatchObject({ ok: false, retryable: false, status: 409, code: "invalid_idempotent_request" });

    resend.inject({ status: 500 });
    expect(await t.send([email("y@example.com")], { idempotencyKey: "k-500" })).toMatchObject({
      ok: false,
      retryable: true,
    });
    resend.inject({ fault: "timeout" });
    const timedOut = await t.send([email("y@example.com")], { idempotencyKey: "k-500", timeoutMs: 300 });
    expect(timedOut).toMatchObject({ ok: false, retryable: true, code: "network_error" });
    expect(await t.send([email("y@example.com")], { idempotencyKey: "k-500" })).toMatchObject({ ok: true });
    expect(resend.to("y@example.com")).toHaveLength(1);
  });

  it("refuses more than 100 emails in one call", async () => {
    const many = Array.from({ length: 101 }, (_, i) => email(`m${i}@example.com`));
    await expect(live().send(many, { idempotencyKey: "k-many" })).rejects.toThrow(/at most 100/);
  });
});

describe("email transport without an API key", () => {
  it("keeps every email in the local outbox, once per idempotency key", async () => {
    const t = createEmailTransport({ from: "VW <a@vw.test>", logLocal: false });
    expect(t.configured).toBe(false);
    const to = `local-${Date.now()}@example.com`;
    const first = await t.send([email(to, "Sign in")], { idempotencyKey: `local-${to}` });
    const again = await t.send([email(to, "Sign in")], { idempotencyKey: `local-${to}` });
    expect(again).toEqual(first);
    const kept = await db.localEmail.findMany({ where: { to } });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ subject: "Sign in", text: "Sign in", html: "<p>Sign in</p>" });
    expect(resend.calls).toHaveLength(0);
  });

  it("shows what it kept, newest first with its headers, for /dev/emails", async () => {
    const t = createEmailTransport({ from: "VW <a@vw.test>", logLocal: false });
    const to = `outbox-${Date.now()}@example.com`;
    await t.send([{ ...email(to, "First"), headers: { "List-Unsubscribe": "<https://vw.test/u/1>" } }], {
      idempotencyKey: `first-${to}`,
    });
    await new Promise((r) => setTimeout(r, 5));
    await t.send([email(to, "Second")], { idempotencyKey: `second-${to}` });
    const mine = (await listLocalEmails(1000)).filter((e) => e.to === to);
    expect(mine.map((e) => e.subject)).toEqual(["Second", "First"]);
    const first = await localEmail(mine[1]?.id ?? "");
    expect(first).toMatchObject({ from: "VW <a@vw.test>", to, html: "<p>First</p>", text: "First" });
    expect(first?.headers).toEqual({ "List-Unsubscribe": "<https://vw.test/u/1>" });
    expect(await localEmail("no-such-email")).toBeNull();
  });
});
