import { dispatchEvents } from "@/inngest/functions/dispatch-events";
import { pollSweep } from "@/inngest/functions/poll-sweep";
import { pollVendorFn } from "@/inngest/functions/poll-vendor";
import { pruneHistoryFn } from "@/inngest/functions/prune-history";

export const functions = [pollSweep, pollVendorFn, dispatchEvents, pruneHistoryFn];
