import { createEmailTransport } from "@/lib/email/transport";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { createFetcher } from "@/lib/net/fetch";
import { createPoster } from "@/lib/notify/http";
import { type RunnerContext, notifyOnce } from "@/lib/notify/runner";
import { type FixtureServer, startFixtureServer } from "@/test/fixture-server";
import { type ChatReceivers, startChatReceivers } from "@/test/support/chat-receivers";
import { githubPayloads } from "@/test/support/github-incident-script";
import { ownDatabase } from "@/test/support/own-database";
import { type ResendCapture, startResendCapture } from "@/test/support/resend-capture";
import { createVendor } from "@/test/support/factories";

/**
 * The whole notification path against local stand-ins: a vendor page (fixture server), Resend
 * (capture server) and the chat services (receivers), on a database of the test's own, with a
 * clock the test moves. `poll(stage)` is the monitor's real poll of the page; `drain()` runs the
 * notifier until nothing is left to do, moving the clock past retry backoffs.
 */
export interface Harness {
  resend: ResendCapture;
  rx: ChatReceivers;
  ctx: RunnerContext;
  now: { value: Date };
  vendor(
    slug?: string,
  ): Promise<{ id: string; serve(stage: Parameters<typeof githubPayloads>[0]): void; poll(): Promise<string> }>;
  drain(opts?: { maxRounds?: number }): Promise<number>;
  close(): Promise<void>;
}

export async function startHarness(opts: { timeoutMs?: number; chatTimeoutMs?: number } = {}): Promise<Harness> {
  const database = await ownDatabase();
  const [srv, resend, rx]: [FixtureServer, ResendCapture, ChatReceivers] = await Promise.all([
    startFixtureServer(),
    startResendCapture(),
    startChatReceivers(),
  ]);
  const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 5000 });
  const now = { value: new Date("2024-09-16T21:00:00Z") };
  const ctx: RunnerContext = {
    now: () => now.value,
    transport: createEmailTransport({
      apiKey: "re_test",
      baseUrl: resend.url,
      from: "Vendorwatch <alerts@vendorwatch.test>",
      logLocal: false,
    }),
    poster: createPoster({ allowPrivateNetworks: true, timeoutMs: opts.chatTimeoutMs ?? opts.timeoutMs ?? 3000 }),
    timeoutMs: opts.timeoutMs ?? 3000,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const { db } = database;
  return {
    resend,
    rx,
    ctx,
    now,
    async vendor(slug) {
      const base = `/${slug ?? `gh-${Math.random().toString(36).slice(2, 8)}`}`;
      const v = await createVendor({ name: "GitHub", statusPageUrl: `${srv.url}${base}`, provider: "statuspage" });
      return {
        id: v.id,
        serve(stage) {
          const p = githubPayloads(stage);
          srv.set(`${base}/api/v2/summary.json`, { body: p.summary });
          srv.set(`${base}/api/v2/incidents.json`, { body: p.incidents });
          srv.set(`${base}/api/v2/scheduled-maintenances.json`, { body: p.maintenances });
        },
        async poll() {
          const row = await db.vendor.findUniqueOrThrow({ where: { id: v.id }, select: pollableVendorSelect });
          const heartbeats = new HeartbeatBuffer();
          const r = await pollVendor(row, heartbeats, { fetcher, now: () => now.value });
          await heartbeats.flush();
          if (r.outcome === "failed") throw new Error(`poll failed: ${r.error}`);
          return r.outcome;
        },
      };
    },
    async drain({ maxRounds = 60 } = {}) {
      let work = 0;
      for (let round = 0; round < maxRounds; round++) {
        const r = await notifyOnce(ctx);
        const did = r.polls + r.deliveries + r.batches + r.chat + r.released + r.reminders + r.settled + r.digests.sent;
        work += did;
        if (did) continue;
        // Anything still pending waits for a backoff or a lease: move the clock to it.
        const next = await nextDue();
        if (!next) return work;
        now.value = new Date(Math.max(now.value.getTime(), next.getTime()) + 1);
      }
      throw new Error("notifications did not settle");
    },
    async close() {
      await Promise.all([srv.close(), resend.close(), rx.close()]);
      await database.close();
    },
  };

  async function nextDue(): Promise<Date | null> {
    const [d, b] = await Promise.all([
      db.notificationDelivery.findFirst({
        where: { status: "pending", batchId: null },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      }),
      db.emailBatch.findFirst({
        where: { status: "pending" },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      }),
    ]);
    const times = [d?.nextAttemptAt, b?.nextAttemptAt].filter((t): t is Date => Boolean(t));
    return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
  }
}
