import { Inngest, eventType } from "inngest";
import { z } from "zod";
import { env, inngestDevMode } from "@/env";

/**
 * The Inngest client. With INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (cloud or self-hosted) or
 * INNGEST_DEV, Inngest drives the functions through /api/inngest; otherwise `npm start` runs the
 * same code in-process (lib/monitor/scheduler.ts).
 */
export const inngest = new Inngest({
  id: "vendorwatch",
  isDev: inngestDevMode(),
  ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
  ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
  ...(env.INNGEST_SIGNING_KEY_FALLBACK ? { signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK } : {}),
  // A self-hosted `inngest start` serves the event API and the REST API on one origin.
  ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
});

const changeData = z.looseObject({
  vendorId: z.string(),
  vendorSlug: z.string(),
  vendorName: z.string(),
  detectedAt: z.string(),
});

/** Typed change events; ids are the outbox idempotency keys, so Inngest deduplicates re-sends. */
export const events = {
  incidentCreated: eventType("vendor/incident.created", { schema: changeData }),
  incidentUpdated: eventType("vendor/incident.updated", { schema: changeData }),
  incidentResolved: eventType("vendor/incident.resolved", { schema: changeData }),
  incidentPostmortem: eventType("vendor/incident.postmortem", { schema: changeData }),
  componentStatusChanged: eventType("vendor/component.status_changed", { schema: changeData }),
  componentRemoved: eventType("vendor/component.removed", { schema: changeData }),
  maintenanceScheduled: eventType("vendor/maintenance.scheduled", { schema: changeData }),
  maintenanceStarted: eventType("vendor/maintenance.started", { schema: changeData }),
  maintenanceCompleted: eventType("vendor/maintenance.completed", { schema: changeData }),
  pollRequested: eventType("vendor/poll.requested", { schema: z.object({ vendorId: z.string(), host: z.string() }) }),
  /** A poll committed events to the outbox: fan them out (id: the poll id). */
  pollCommitted: eventType("notify/poll.committed", { schema: z.object({ vendorId: z.string(), pollId: z.string() }) }),
  /** A Slack, Discord, Teams or webhook delivery is due (id: the delivery id). */
  deliveryRequested: eventType("notify/delivery.requested", {
    schema: z.object({ deliveryId: z.string(), channelId: z.string() }),
  }),
  /** A batch of up to 100 emails is due (id: the batch id). */
  emailBatchRequested: eventType("notify/email-batch.requested", { schema: z.object({ batchId: z.string() }) }),
};
