import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CrashPoint } from "@/lib/notify/context";
import { fanOutPending } from "@/lib/notify/fan-out";
import { clearRenderCache } from "@/lib/notify/render-email";
import { sendChatDelivery, sendDueChat } from "@/lib/notify/send-chat";
import { formEmailBatches, sendDueEmail } from "@/lib/notify/send-email";
import { updateTime } from "@/test/support/github-incident-script";
import { type Harness, startHarness } from "@/test/support/notify-harness";
import { addChannel, createUser, subscribe, webhookSecret } from "@/test/support/notify-factories";

/**
 * The exactly-once proof. GitHub's recorded incident (its first, third and last update: the start,
 * the worst of it, the resolution) runs 200 times, 20 vendors at a time, while the process
 * "crashes" at random points between and inside steps, Resend and the chat services answer 5xx,
 * time out, drop connections or lose their answer, and every step runs twice at once (duplicated
 * events, two workers). Afterwards every subscriber has exactly the messages the script implies.
 *
 * The one thing no sender can make exactly-once is a chat service that accepted a post whose
 * answer we never saw (Slack, Discord and Teams webhooks take no idempotency key): crashes are
 * therefore not injected between their acceptance and our record of it (docs/adr/0003). Email
 * (Resend's idempotency key) and generic webhooks (receivers drop a repeated webhook-id) are
 * crashed there too.
 */
const VENDORS = Number(process.env.NOTIFY_FAULT_VENDORS ?? 20);
const CYCLES = Number(process.env.NOTIFY_FAULT_CYCLES ?? 10);
const STAGES = [1, 3, 6] as const;
const EXPECTED = { every: 3, startEnd: 2, critical: 2 }; // messages per cycle
const DAY = 86_400_000;

class SimulatedCrash extends Error {}

/** A seeded generator, so a failing run can be replayed with its seed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let h: Harness;
const seed = Number(process.env.NOTIFY_FAULT_SEED ?? Date.now() % 100_000);
const random = mulberry32(seed);
const tally = { crashes: 0, rounds: 0, pollMs: 0, drainMs: 0 };

interface Fixture {
  vendor: Awaited<ReturnType<Harness["vendor"]>>;
  every: string;
  startEnd: string;
  critical: string;
  hooks: { webhook: string; slack: string; discord: string };
}
const fixtures: Fixture[] = [];

beforeAll(async () => {
  // Email may time out quickly: a retry is answered from Resend's record. Chat posts get the time a
  // real request gets, so a slow test machine never turns an accepted post into an unanswered one.
  h = await startHarness({ timeoutMs: 250, chatTimeoutMs: 30_000 });
  h.ctx.crash = (point: CrashPoint, detail) => {
    const chat = detail?.channelType && !["email", "webhook"].includes(detail.channelType);
    if (chat && point === "send:accepted") return;
    if (random() < 0.04) {
      tally.crashes++;
      throw new SimulatedCrash(point);
    }
  };
  h.now.value = new Date(updateTime(1).getTime() - DAY);
  for (let v = 0; v < VENDORS; v++) {
    const vendor = await h.vendor(`faults-${v}`);
    vendor.serve({ updates: 0, cycle: "-0" });
    await vendor.poll();
    const every = await createUser({ email: `every-${v}@example.com` });
    await subscribe(every.id, vendor.id);
    const secret = webhookSecret();
    h.rx.setSecret(`hook-${v}`, secret);
    const hooks = {
      webhook: `hook-${v}`,
      slack: `T/B/start-${v}`,
      discord: `api/webhooks/${v}/critical`,
    };
    await addChannel(every.id, "webhook", h.rx.urlFor("webhook", hooks.webhook), secret);
    const startEnd = await createUser({ email: `start-end-${v}@example.com` });
    await subscribe(startEnd.id, vendor.id, { eventMode: "start_and_resolution" });
    await addChannel(startEnd.id, "slack", h.rx.urlFor("slack", hooks.slack));
    const critical = await createUser({ email: `critical-${v}@example.com` });
    await subscribe(critical.id, vendor.id, { minimumImpact: "critical" });
    await addChannel(critical.id, "discord", h.rx.urlFor("discord", hooks.discord));
    fixtures.push({
      vendor,
      every: every.email as string,
      startEnd: startEnd.email as string,
      critical: critical.email as string,
      hooks,
    });
  }
  h.resend.chaos(0.15, random);
  h.rx.chaos(0.15, random, { stallMs: 100 });
}, 120_000);
afterAll(() => h?.close());

/** Runs every step twice at once until nothing is left, surviving crashes like a restarted process. */
async function chaoticDrain() {
  for (let round = 0; round < 500; round++) {
    tally.rounds++;
    // A crash ends a round only when everything in flight has stopped, as when a process dies.
    const email = formEmailBatches(h.ctx).then(() => Promise.allSettled([sendDueEmail(h.ctx), sendDueEmail(h.ctx)]));
    const runs = await Promise.allSettled([
      fanOutPending(h.ctx),
      fanOutPending(h.ctx),
      sendDueChat(h.ctx),
      sendDueChat(h.ctx),
      email,
    ]);
    const emailRuns = runs[4]?.status === "fulfilled" ? runs[4].value : [];
    const failed = [...runs, ...emailRuns].filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const f of failed) if (!(f.reason instanceof SimulatedCrash)) throw f.reason;
    if (failed.length) clearRenderCache(); // a restart forgets what it had rendered
    // A duplicated delivery event for something already sent changes nothing.
    const done = await db.notificationDelivery.findFirst({
      where: { status: "delivered", channel: { type: "slack" } },
      select: { id: true },
    });
    if (done && random() < 0.2)
      await sendChatDelivery(done.id, h.ctx).catch((e: unknown) => {
        if (!(e instanceof SimulatedCrash)) throw e;
      });
    const [outbox, deliveries, batches] = await Promise.all([
      db.notificationOutbox.count({ where: { status: "pending" } }),
      // Batched emails wait on their batch's next attempt, not their own.
      db.notificationDelivery.findFirst({
        where: { status: "pending", batchId: null },
        orderBy: { nextAttemptAt: "desc" },
      }),
      db.emailBatch.findFirst({ where: { status: "pending" }, orderBy: { nextAttemptAt: "desc" } }),
    ]);
    if (!outbox && !deliveries && !batches) return;
    // Retries wait for their backoff, and after a crash the leases it left must run out: the clock
    // jumps to the last of those times, so every waiting attempt is due in the next round.
    const due = [deliveries?.nextAttemptAt, batches?.nextAttemptAt].filter((d): d is Date => Boolean(d));
    const next = due.length ? Math.max(...due.map((d) => d.getTime())) : h.now.value.getTime();
    h.now.value = new Date(Math.max(h.now.value.getTime(), next) + 1);
  }
  const stuck = {
    now: h.now.value,
    outbox: await db.notificationOutbox.findMany({
      where: { status: "pending" },
      select: { event: true, pollId: true },
    }),
    deliveries: await db.notificationDelivery.findMany({
      where: { status: "pending" },
      select: {
        kind: true,
        batchId: true,
        nextAttemptAt: true,
        attempts: true,
        lastError: true,
        channel: { select: { type: true } },
      },
      take: 5,
    }),
    batches: await db.emailBatch.findMany({ where: { status: "pending" }, take: 5 }),
  };
  throw new Error(`notifications did not settle: ${JSON.stringify(stuck)}`);
}

describe("exactly once under crashes, faults and duplicated events", () => {
  it(`${VENDORS * CYCLES} incident lifecycles: 0 duplicates, 0 missing`, async () => {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      for (const stage of STAGES) {
        const at = updateTime(stage).getTime() + cycle * DAY;
        h.now.value = new Date(Math.max(h.now.value.getTime() + 1, at));
        for (const f of fixtures) f.vendor.serve({ updates: stage, cycle: `-${cycle}` });
        const t0 = Date.now();
        await Promise.all(fixtures.map((f) => f.vendor.poll()));
        if (random() < 0.3) await Promise.all(fixtures.map((f) => f.vendor.poll())); // a repeated poll
        const t1 = Date.now();
        await chaoticDrain();
        tally.pollMs += t1 - t0;
        tally.drainMs += Date.now() - t1;
      }
    }
    const mismatched: string[] = [];
    let duplicates = 0;
    let missing = 0;
    const count = (got: number, want: number, what = "") => {
      if (got !== want) mismatched.push(`${what}: got ${got}, want ${want}`);
      duplicates += Math.max(0, got - want);
      missing += Math.max(0, want - got);
    };
    for (const f of fixtures) {
      count(h.resend.to(f.every).length, EXPECTED.every * CYCLES, `email ${f.every}`);
      count(h.resend.to(f.startEnd).length, EXPECTED.startEnd * CYCLES, `email ${f.startEnd}`);
      count(h.resend.to(f.critical).length, EXPECTED.critical * CYCLES, `email ${f.critical}`);
      count(h.rx.accepted("webhook", f.hooks.webhook).length, EXPECTED.every * CYCLES, `webhook ${f.hooks.webhook}`);
      count(h.rx.accepted("slack", f.hooks.slack).length, EXPECTED.startEnd * CYCLES, `slack ${f.hooks.slack}`);
      count(h.rx.accepted("discord", f.hooks.discord).length, EXPECTED.critical * CYCLES, `discord ${f.hooks.discord}`);
    }
    if (mismatched.length) {
      // What the deliveries behind a mismatch went through, to tell a bug from a slow machine.
      const retried = await db.deliveryAttempt.findMany({
        where: { delivery: { attempts: { gt: 1 }, channel: { type: { in: ["slack", "discord"] } } } },
        select: { deliveryId: true, statusCode: true, error: true, durationMs: true },
        orderBy: { at: "asc" },
      });
      console.log(`[faults] mismatches:\n${mismatched.join("\n")}\nretried chat attempts: ${JSON.stringify(retried)}`);
    }
    const undelivered = await db.notificationDelivery.count({ where: { status: { not: "delivered" } } });
    console.log(
      `[faults] seed ${seed}: ${VENDORS * CYCLES} lifecycles, ${tally.crashes} crashes, ` +
        `${h.resend.calls.length} Resend calls (${h.resend.calls.filter((c) => c.status !== 200).length} failed), ` +
        `${h.rx.requests} chat requests, ${h.rx.redeliveries} webhook redeliveries dropped by id; ` +
        `${duplicates} duplicates, ${missing} missing; ${tally.rounds} rounds, polls ${tally.pollMs} ms, notify ${tally.drainMs} ms`,
    );
    expect({ duplicates, missing, undelivered }).toEqual({ duplicates: 0, missing: 0, undelivered: 0 });
    expect(tally.crashes).toBeGreaterThan(20);
    // Each subscriber's emails tell the story in order, cycle after cycle.
    const subjects = h.resend.to(fixtures[0]?.startEnd ?? "").map((e) => e.subject.split(", ").at(-1));
    expect(subjects).toEqual(Array.from({ length: CYCLES }, () => ["investigating", "resolved"]).flat());
  }, 600_000);
});
