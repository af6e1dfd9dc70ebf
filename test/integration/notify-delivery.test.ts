import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const WEBHOOK_SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from("resend-webhook-test-secret-0123").toString("base64")}`;
  process.env.RESEND_WEBHOOK_SECRET = secret;
  return secret;
});

const { db } = await import("@/lib/db");
const { createPoster } = await import("@/lib/notify/http");
const { startHarness } = await import("@/test/support/notify-harness");
const { addChannel, createUser, subscribe } = await import("@/test/support/notify-factories");
const { ACTIONS, updateTime } = await import("@/test/support/github-incident-script");
const unsubscribeRoute = await import("@/app/api/unsubscribe/[token]/route");
const resendRoute = await import("@/app/api/webhooks/resend/route");

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 500 });
});
afterAll(() => h?.close());

/** A vendor with its baseline polled, and a subscriber. */
async function setup(
  prefs?: Parameters<typeof createUser>[0] extends infer O ? (O extends { prefs?: infer P } ? P : never) : never,
) {
  const vendor = await h.vendor();
  vendor.serve({ updates: 0 });
  h.now.value = new Date(updateTime(1).getTime() - 3_600_000);
  await vendor.poll();
  const user = await createUser({ prefs });
  const sub = await subscribe(user.id, vendor.id);
  return { vendor, user, sub, email: user.email as string };
}

describe("email delivery", () => {
  it("retries through 5xx, timeouts and a lost answer, and mails exactly once", async () => {
    const { vendor, email } = await setup();
    h.resend.inject({ status: 500 });
    h.resend.inject({ fault: "timeout" });
    h.resend.inject({ acceptThenFail: 500 });
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(email)).toHaveLength(1);
    const calls = h.resend.calls.filter((c) => c.idempotencyKey === h.resend.to(email)[0]?.idempotencyKey);
    expect(calls.map((c) => c.status)).toEqual([500, 0, 200, 200]); // the last one answered from Resend's record
    const d = await db.notificationDelivery.findFirstOrThrow({
      where: { channel: { target: email } },
      include: { attemptLog: true },
    });
    expect(d.status).toBe("delivered");
    expect(d.attemptLog).toHaveLength(4);
  });

  it("a batch refused for one bad address is split, and only that email fails", async () => {
    const vendor = await h.vendor();
    vendor.serve({ updates: 0 });
    await vendor.poll();
    const good = await createUser();
    const bad = await createUser();
    await db.notificationChannel.updateMany({
      where: { userId: bad.id, type: "email" },
      data: { target: "not-an-address" },
    });
    await subscribe(good.id, vendor.id);
    await subscribe(bad.id, vendor.id);
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(good.email as string)).toHaveLength(1);
    const failed = await db.notificationDelivery.findFirstOrThrow({ where: { userId: bad.id } });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/validation_error: Invalid `to` field: not-an-address/);
    expect(h.resend.calls.filter((c) => c.status === 422).map((c) => c.path)).toEqual(["/emails/batch", "/emails"]);
  });

  it("quiet hours hold an alert until they end; a critical one goes out when the user allows it", async () => {
    // 21:31 UTC is 23:31 in Paris, inside 22:00-07:00.
    const quiet = {
      timeZone: "Europe/Paris",
      quietHours: true,
      quietStart: 22 * 60,
      quietEnd: 7 * 60,
      quietAllowsCritical: true,
    };
    const { vendor, email, user } = await setup(quiet);
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(email)).toEqual([]);
    const held = await db.notificationDelivery.findFirstOrThrow({ where: { userId: user.id } });
    expect(held.status).toBe("held");
    expect(held.heldUntil?.toISOString()).toBe("2024-09-17T05:00:00.000Z"); // 07:00 CEST
    // Actions goes to major outage (critical): that alert is not held.
    h.now.value = updateTime(2);
    vendor.serve({ updates: 2 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(email).map((e) => e.subject)).toEqual([
      "GitHub: Incident with Pages and Actions (major), investigating",
    ]);
    h.now.value = new Date("2024-09-17T05:00:30Z");
    await h.drain();
    expect(h.resend.to(email)).toHaveLength(2);
  });
});

describe("flap control", () => {
  it("a component flapping on its own alerts once per 10 minutes; its final state follows", async () => {
    const { vendor, email } = await setup();
    const at = (m: number) => new Date(updateTime(1).getTime() + m * 60_000);
    const flip = async (m: number, status: string) => {
      h.now.value = at(m);
      vendor.serve({ updates: 0, components: { [ACTIONS]: status } });
      await vendor.poll();
      await h.drain();
    };
    await flip(0, "degraded_performance"); // alert
    await flip(2, "operational"); // held back
    await flip(4, "degraded_performance"); // held back
    await flip(6, "operational"); // held back
    await flip(8, "partial_outage"); // worse: alert
    await flip(9, "operational"); // held back
    expect(h.resend.to(email).map((e) => e.subject)).toEqual([
      "GitHub: Actions degraded performance",
      "GitHub: Actions partial outage",
    ]);
    h.now.value = at(19); // the window after the last alert closed: the final state goes out
    await h.drain();
    expect(
      h.resend
        .to(email)
        .map((e) => e.subject)
        .at(-1),
    ).toBe("GitHub: Actions recovered");
    expect(h.resend.to(email)).toHaveLength(3);
  });
});

describe("unsubscribing", () => {
  it("one-click POST stops email for that vendor at once; a GET changes nothing", async () => {
    const { vendor, email, sub } = await setup();
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    const header = h.resend.to(email)[0]?.headers["List-Unsubscribe"] ?? "";
    const url = header.slice(1, -1);
    const token = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
    const params = { params: Promise.resolve({ token }) };
    const get = await unsubscribeRoute.GET(new Request(url), params);
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toMatch(/\/notifications\/.+\?stop=/);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).emailEnabled).toBe(true);
    const post = await unsubscribeRoute.POST(
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      params,
    );
    expect(post.status).toBe(200);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).emailEnabled).toBe(false);
    h.now.value = updateTime(2);
    vendor.serve({ updates: 2 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(email)).toHaveLength(1);
    const forged = await unsubscribeRoute.POST(new Request(url, { method: "POST" }), {
      params: Promise.resolve({ token: `${token}x` }),
    });
    expect(forged.status).toBe(400);
  });
});

describe("the Resend webhook", () => {
  const signed = (body: object, secret = WEBHOOK_SECRET) => {
    const raw = JSON.stringify(body);
    const id = `msg_${Math.random().toString(36).slice(2)}`;
    const now = new Date();
    const signature = new Webhook(secret).sign(id, now, raw);
    return new Request("http://localhost/api/webhooks/resend", {
      method: "POST",
      body: raw,
      headers: {
        "svix-id": id,
        "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
        "svix-signature": signature,
      },
    });
  };

  it("suppresses a bounced address and turns its email channel off; forged calls are refused", async () => {
    const { vendor, email, user } = await setup();
    const bounce = {
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: { to: [email], bounce: { type: "Permanent", subType: "General", message: "550 no such user" } },
    };
    const forged = await resendRoute.POST(
      signed(bounce, `whsec_${Buffer.from("some-other-secret-0123456789").toString("base64")}`),
    );
    expect(forged.status).toBe(401);
    const res = await resendRoute.POST(signed(bounce));
    expect(res.status).toBe(200);
    expect(await db.emailSuppression.findUnique({ where: { email: email.toLowerCase() } })).toMatchObject({
      reason: "bounced",
    });
    const channel = await db.notificationChannel.findFirstOrThrow({ where: { userId: user.id, type: "email" } });
    expect(channel.disabledAt).not.toBeNull();
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    expect(h.resend.to(email)).toEqual([]);
  });
});

describe("chat channels", () => {
  it("after 10 failures in a row a channel is turned off and its owner is emailed", async () => {
    const { vendor, user, email } = await setup();
    const hook = h.rx.urlFor("slack", `T1/B1/${user.id}`);
    await addChannel(user.id, "slack", hook);
    h.rx.inject({ status: 404 }, 10, "slack");
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    const channel = await db.notificationChannel.findFirstOrThrow({ where: { userId: user.id, type: "slack" } });
    expect(channel.consecutiveFailures).toBe(1); // a 404 is final for that delivery: one attempt
    // Nine more alerts, each 11 minutes apart (outside flap control): Actions goes up and down.
    for (let n = 2; n <= 10; n++) {
      h.now.value = new Date(updateTime(1).getTime() + n * 11 * 60_000);
      vendor.serve({ updates: 1, components: { [ACTIONS]: n % 2 ? "major_outage" : "degraded_performance" } });
      expect(await vendor.poll()).toBe("changed");
      await h.drain();
    }
    const off = await db.notificationChannel.findFirstOrThrow({ where: { id: channel.id } });
    expect(off.disabledAt).not.toBeNull();
    expect(off.disabledReason).toMatch(/10 failed deliveries in a row: HTTP 404/);
    expect(h.resend.to(email).map((e) => e.subject)).toContain(
      "Vendorwatch stopped sending to your Slack channel slack test",
    );
    expect(h.rx.accepted("slack", `T1/B1/${user.id}`)).toEqual([]);
  });

  it("a post that gets no answer times out and is retried until the service takes it, once", async () => {
    const { vendor, user } = await setup();
    const hook = `flow/${user.id}`;
    await addChannel(user.id, "teams", h.rx.urlFor("teams", hook));
    h.rx.inject({ fault: "timeout" }, 1, "teams");
    h.rx.inject({ status: 429 }, 1, "teams");
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    await h.drain();
    expect(h.rx.accepted("teams", hook)).toHaveLength(1);
    const d = await db.notificationDelivery.findFirstOrThrow({
      where: { channel: { type: "teams", userId: user.id } },
      include: { attemptLog: { orderBy: { at: "asc" } } },
    });
    expect(d.attemptLog.map((a) => a.statusCode)).toEqual([null, 429, 202]);
    expect(d.attemptLog[0]?.error).toMatch(/no answer within 500 ms/);
  });

  it("a channel URL that points into the private network is refused by the SSRF guard", async () => {
    const { vendor, user } = await setup();
    const channel = await addChannel(user.id, "webhook", h.rx.urlFor("webhook", "private"));
    const guarded = createPoster({ allowPrivateNetworks: false, timeoutMs: 500 });
    const ctx = { ...h.ctx, poster: guarded };
    h.now.value = updateTime(1);
    vendor.serve({ updates: 1 });
    await vendor.poll();
    const { notifyOnce } = await import("@/lib/notify/runner");
    await notifyOnce(ctx);
    const d = await db.notificationDelivery.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(d.status).toBe("failed");
    expect(d.lastError).toMatch(/blocked address.*loopback/);
    expect(h.rx.accepted("webhook", "private")).toEqual([]);
    await h.drain();
  });
});
