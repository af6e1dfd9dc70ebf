import { type Logger, logger as named } from "@/lib/log";

/**
 * What every notify step is handed: the clock (tests drive time forward instead of waiting) and,
 * in tests only, a way to crash at named points so the fault-injection suite can prove a crash
 * anywhere neither loses nor repeats a delivery.
 */
export interface NotifyContext {
  now?: () => Date;
  /** Throws to simulate the process dying at `point` (tests). */
  crash?: (point: CrashPoint, detail?: { channelType?: string }) => void;
  log?: Logger;
}

export type CrashPoint =
  "fan-out:in-transaction" | "fan-out:committed" | "email:batched" | "send:claimed" | "send:accepted" | "send:recorded";

export const clock = (ctx: NotifyContext) => (ctx.now ?? (() => new Date()))();
export const logger = (ctx: NotifyContext): Logger => ctx.log ?? named("notify");
