import { z } from "zod";
import { IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, STATUSES, type Status } from "@/lib/domain/vocabulary";
import type { MaintenanceEvent } from "@/lib/notify/message";

/**
 * The outbox rows of one poll, read back as typed changes. Payloads are written by
 * lib/monitor/persist.ts (eventPayload) and, for maintenance reminders and flap settling, by the
 * notify sweep. Anything that does not parse is left out of alerts, never guessed at.
 */
export const REMINDER_EVENT = "vendor/maintenance.reminder";

const update = z.object({ status: z.enum(INCIDENT_STATUSES), body: z.string(), at: z.string() });
const fullIncident = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  url: z.string().nullable(),
  componentIds: z.array(z.string()),
  updates: z.array(update).default([]),
});
const fullMaintenance = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: z.string().nullable(),
  scheduledUntil: z.string().nullable(),
  componentIds: z.array(z.string()),
});
const stub = z.object({ id: z.string(), title: z.string() });

const incidentPayload = z.object({
  incident: z.union([fullIncident, stub]),
  previous: z
    .object({ status: z.enum(INCIDENT_STATUSES), impact: z.enum(IMPACTS) })
    .nullable()
    .optional(),
});
const componentPayload = z.object({
  componentId: z.string(),
  componentName: z.string(),
  group: z.string().nullable().optional(),
  from: z.enum(STATUSES).nullable(),
  to: z.enum(STATUSES),
});
const maintenancePayload = z.object({ maintenance: z.union([fullMaintenance, stub]) });

export type FullIncident = z.infer<typeof fullIncident>;
export type FullMaintenance = z.infer<typeof fullMaintenance>;

export type PollChange =
  | {
      kind: "incident";
      event: "created" | "updated" | "resolved" | "postmortem";
      /** Null fields when the monitor only knew the id (an incident that vanished from the page). */
      incident: FullIncident | z.infer<typeof stub>;
      previous: { status: FullIncident["status"]; impact: FullIncident["impact"] } | null;
    }
  | { kind: "component"; id: string; name: string; group: string | null; from: Status | null; to: Status }
  | { kind: "maintenance"; event: MaintenanceEvent; maintenance: FullMaintenance | z.infer<typeof stub> };

const INCIDENT_EVENTS = {
  "vendor/incident.created": "created",
  "vendor/incident.updated": "updated",
  "vendor/incident.resolved": "resolved",
  "vendor/incident.postmortem": "postmortem",
} as const;
const MAINTENANCE_EVENTS: Record<string, MaintenanceEvent> = {
  "vendor/maintenance.scheduled": "scheduled",
  [REMINDER_EVENT]: "reminder",
  "vendor/maintenance.started": "started",
  "vendor/maintenance.completed": "completed",
};

export const isFullMaintenance = (m: FullMaintenance | z.infer<typeof stub>): m is FullMaintenance => "status" in m;

/** One outbox row as a change, or null for events that never alert (a component leaving the page). */
export function parseChange(event: string, payload: unknown): PollChange | null {
  if (event in INCIDENT_EVENTS) {
    const p = incidentPayload.safeParse(payload);
    if (!p.success) return null;
    return {
      kind: "incident",
      event: INCIDENT_EVENTS[event as keyof typeof INCIDENT_EVENTS],
      incident: p.data.incident,
      previous: p.data.previous ?? null,
    };
  }
  if (event === "vendor/component.status_changed") {
    const p = componentPayload.safeParse(payload);
    if (!p.success) return null;
    const c = p.data;
    return {
      kind: "component",
      id: c.componentId,
      name: c.componentName,
      group: c.group ?? null,
      from: c.from,
      to: c.to,
    };
  }
  const maintenanceEvent = MAINTENANCE_EVENTS[event];
  if (maintenanceEvent) {
    const p = maintenancePayload.safeParse(payload);
    return p.success ? { kind: "maintenance", event: maintenanceEvent, maintenance: p.data.maintenance } : null;
  }
  return null;
}
