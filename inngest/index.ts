import { deliverChat } from "@/inngest/functions/deliver-chat";
import { deliverEmail } from "@/inngest/functions/deliver-email";
import { notifyFanOut } from "@/inngest/functions/notify-fan-out";
import { notifySweep } from "@/inngest/functions/notify-sweep";
import { pollSweep } from "@/inngest/functions/poll-sweep";
import { pollVendorFn } from "@/inngest/functions/poll-vendor";
import { pruneHistoryFn } from "@/inngest/functions/prune-history";

export const functions = [
  pollSweep,
  pollVendorFn,
  pruneHistoryFn,
  notifyFanOut,
  deliverChat,
  deliverEmail,
  notifySweep,
];
