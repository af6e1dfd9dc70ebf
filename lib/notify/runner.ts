import type { Logger } from "@/lib/log";
import { type NotifyContext, clock, logger } from "@/lib/notify/context";
import { runDueDigests } from "@/lib/notify/digest";
import { fanOutPending } from "@/lib/notify/fan-out";
import { type ChatContext, sendDueChat } from "@/lib/notify/send-chat";
import { type EmailContext, formEmailBatches, sendDueEmail } from "@/lib/notify/send-email";
import { releaseHeld, remindMaintenances, settleFlaps } from "@/lib/notify/sweep";

/**
 * The embedded default: the same steps the Inngest functions run, driven in-process. Fan-out runs
 * as soon as the scheduler says a poll changed something (wake) and every second otherwise; email
 * and chat each drain in their own loop, so a slow webhook never holds up email or the next
 * fan-out; the minute sweep does held alerts, reminders, settled flaps and digests.
 */
export type RunnerContext = NotifyContext & EmailContext & ChatContext;

export async function sweepNotifications(ctx: RunnerContext = {}) {
  const released = await releaseHeld(ctx);
  const reminders = await remindMaintenances(ctx);
  const settled = await settleFlaps(ctx);
  const digests = await runDueDigests(ctx);
  return { released, reminders, settled, digests };
}

/** One pass of everything, in order (tests and `notify --once` style callers). */
export async function notifyOnce(ctx: RunnerContext = {}) {
  const sweep = await sweepNotifications(ctx);
  const fanOut = await fanOutPending(ctx);
  await formEmailBatches(ctx);
  const email = await sendDueEmail(ctx);
  const chat = await sendDueChat(ctx);
  return {
    ...sweep,
    polls: fanOut.polls,
    deliveries: fanOut.deliveries.length,
    batches: email.batches,
    chat: chat.attempted,
  };
}

function loop(name: string, work: () => Promise<unknown>, everyMs: number, log: Logger) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await work();
        } catch (e) {
          log.error(`${name}.failed`, { err: e });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export function startNotifier(ctx: RunnerContext = {}): { wake(): void; stop(): Promise<void> } {
  const log = logger(ctx);
  const email = loop(
    "email",
    async () => {
      await formEmailBatches(ctx);
      while ((await sendDueEmail(ctx)).batches > 0);
    },
    2000,
    log,
  );
  const chat = loop(
    "chat",
    async () => {
      while ((await sendDueChat(ctx)).attempted > 0);
    },
    2000,
    log,
  );
  const fanOut = loop(
    "fan-out",
    async () => {
      const r = await fanOutPending(ctx);
      if (r.polls) {
        void email.run();
        void chat.run();
      }
    },
    1000,
    log,
  );
  let lastSweep = 0;
  const sweep = loop(
    "sweep",
    async () => {
      if (clock(ctx).getTime() - lastSweep < 55_000) return;
      lastSweep = clock(ctx).getTime();
      const r = await sweepNotifications(ctx);
      if (r.reminders || r.settled) void fanOut.run();
      if (r.released || r.digests.sent) {
        void email.run();
        void chat.run();
      }
    },
    5000,
    log,
  );
  void sweep.run();
  return {
    wake: () => void fanOut.run(),
    async stop() {
      await Promise.all([fanOut.stop(), sweep.stop(), email.stop(), chat.stop()]);
    },
  };
}
