import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ResendCapture } from "@/test/support/resend-capture";

// The functions use the process-wide transport and poster: point them at the local stand-ins
// before the environment is read.
const resend: ResendCapture = await vi.hoisted(async () => {
  const { startResendCapture: start } = await import("@/test/support/resend-capture");
  const capture = await start();
  process.env.RESEND_API_KEY = "re_test";
  process.env.RESEND_BASE_URL = capture.url;
  process.env.VENDORWATCH_ALLOW_PRIVATE_NETWORKS = "1";
  return capture;
});

const { db } = await import("@/lib/db");
const { notifyFanOut } = await import("@/inngest/functions/notify-fan-out");
const { deliverChat } = await import("@/inngest/functions/deliver-chat");
const { deliverEmail } = await import("@/inngest/functions/deliver-email");
const { notifySweep } = await import("@/inngest/functions/notify-sweep");
const { startHarness } = await import("@/test/support/notify-harness");
const { addChannel, createUser, subscribe } = await import("@/test/support/notify-factories");
const { updateTime } = await import("@/test/support/github-incident-script");

type Harness = Awaited<ReturnType<typeof startHarness>>;
let h: Harness;
let vendor: Awaited<ReturnType<Harness["vendor"]>>;
let email: string;
let slackHook: string;

beforeAll(async () => {
  h = await startHarness();
  vendor = await h.vendor("github");
  vendor.serve({ updates: 0 });
  await vendor.poll();
  const user = await createUser();
  email = user.email as string;
  await subscribe(user.id, vendor.id);
  slackHook = h.rx.urlFor("slack", "T9/B9/inngest");
  await addChannel(user.id, "slack", slackHook);
  // The functions run on the real clock; the incident is the recorded one.
  h.now.value = new Date();
  vendor.serve({ updates: 1 });
  await vendor.poll();
});
afterAll(async () => {
  await h?.close();
  await resend.close();
});

type Sent = Array<{ name: string; data: Record<string, string>; id?: string }>;
const sentEvents = (calls: unknown[][]) => calls.flatMap((c) => c[1] as Sent);

describe("notify on Inngest", () => {
  let events: Sent = [];

  it("notify-fan-out writes the deliveries and hands each to a sender with step.sendEvent", async () => {
    const poll = await db.notificationOutbox.findFirstOrThrow({ where: { vendorId: vendor.id, status: "pending" } });
    const t = new InngestTestEngine({
      function: notifyFanOut,
      events: [{ name: "notify/poll.committed", data: { vendorId: vendor.id, pollId: poll.pollId as string } }],
      steps: [{ id: "deliver-0", handler: () => ({ ids: ["mocked"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ polls: 1, chat: 1, batches: 1 });
    events = sentEvents(vi.mocked(ctx.step.sendEvent).mock.calls);
    expect(events.map((e) => e.name).sort()).toEqual(["notify/delivery.requested", "notify/email-batch.requested"]);
    expect(events.every((e) => e.id?.startsWith("delivery:") || e.id?.startsWith("batch:"))).toBe(true);
    expect(await db.notificationOutbox.count({ where: { vendorId: vendor.id, status: "pending" } })).toBe(0);
    // The same event again (Inngest may deliver twice): nothing new is written.
    const again = await new InngestTestEngine({
      function: notifyFanOut,
      events: [{ name: "notify/poll.committed", data: { vendorId: vendor.id, pollId: poll.pollId as string } }],
    }).execute();
    expect(again.result).toEqual({ polls: 0, chat: 0, batches: 0 });
  });

  it("deliver-chat retries after its backoff and posts once", async () => {
    const event = events.find((e) => e.name === "notify/delivery.requested");
    if (!event) throw new Error("no chat delivery event");
    h.rx.inject({ status: 503 }, 1, "slack");
    // The sleep is Inngest's; here it is skipped, and the delivery made due as if time had passed.
    const t = new InngestTestEngine({
      function: deliverChat,
      events: [{ name: event.name, data: event.data }],
      steps: [
        {
          id: "wait-0",
          handler: async () => {
            await db.notificationDelivery.update({
              where: { id: event.data.deliveryId },
              data: { nextAttemptAt: new Date() },
            });
          },
        },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ done: true, steps: 2 });
    expect(h.rx.accepted("slack", "T9/B9/inngest")).toHaveLength(1);
    // A duplicated event for a delivered alert posts nothing.
    const dup = await new InngestTestEngine({
      function: deliverChat,
      events: [{ name: event.name, data: event.data }],
    }).execute();
    expect(dup.result).toEqual({ done: true, steps: 1 });
    expect(h.rx.accepted("slack", "T9/B9/inngest")).toHaveLength(1);
  });

  it("deliver-email sends the batch through Resend with its idempotency key", async () => {
    const event = events.find((e) => e.name === "notify/email-batch.requested");
    if (!event) throw new Error("no email batch event");
    const { result } = await new InngestTestEngine({
      function: deliverEmail,
      events: [{ name: event.name, data: event.data }],
    }).execute();
    expect(result).toEqual({ done: true, steps: 1 });
    expect(resend.to(email)).toHaveLength(1);
    expect(resend.calls[0]?.idempotencyKey).toBe(`vendorwatch/batch/${event.data.batchId}`);
  });

  it("notify-sweep announces polls left pending and overdue work", async () => {
    h.now.value = updateTime(2);
    vendor.serve({ updates: 2 });
    await vendor.poll(); // committed, never announced (the process died)
    const t = new InngestTestEngine({
      function: notifySweep,
      steps: [{ id: "send-0", handler: () => ({ ids: ["mocked"] }) }],
    });
    const { ctx } = await t.execute();
    const sent = sentEvents(vi.mocked(ctx.step.sendEvent).mock.calls);
    expect(sent.filter((e) => e.name === "notify/poll.committed").map((e) => e.data.vendorId)).toEqual([vendor.id]);
  });
});
