import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

/**
 * What one alert says: the changes one poll found at one vendor that one subscriber asked to hear
 * about. Written once per (poll, variant) as a NotificationMessage and shared by every delivery
 * that sends it, so a retry always sends the same thing. Every channel renders it its own way.
 */
export const ALERT_VERSION = 1;

export type IncidentEvent = "created" | "updated" | "resolved" | "postmortem" | "reopened";
export type MaintenanceEvent = "scheduled" | "reminder" | "started" | "completed";

export interface AlertIncident {
  event: IncidentEvent;
  /** The vendor's own id of the incident. */
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  startedAt: string;
  resolvedAt: string | null;
  /** The vendor's page for it. */
  url: string | null;
  components: string[];
  /** Updates this poll found, newest first. */
  updates: Array<{ status: IncidentStatus; body: string; at: string }>;
}

export interface AlertComponent {
  id: string;
  name: string;
  group: string | null;
  from: Status | null;
  to: Status;
}

export interface AlertMaintenance {
  event: MaintenanceEvent;
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  components: string[];
}

export interface AlertMessage {
  v: typeof ALERT_VERSION;
  vendor: { id: string; slug: string; name: string };
  detectedAt: string;
  incidents: AlertIncident[];
  components: AlertComponent[];
  maintenances: AlertMaintenance[];
}

/** A digest: every incident and maintenance of the user's vendors in the period. */
export interface DigestMessage {
  v: typeof ALERT_VERSION;
  period: string;
  frequency: "daily" | "weekly";
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  vendors: Array<{
    slug: string;
    name: string;
    incidents: Array<{
      id: string;
      title: string;
      impact: Impact;
      status: IncidentStatus;
      startedAt: string;
      resolvedAt: string | null;
      url: string | null;
      components: string[];
    }>;
    maintenances: Array<{
      id: string;
      title: string;
      status: MaintenanceStatus;
      scheduledFor: string | null;
      scheduledUntil: string | null;
    }>;
  }>;
}

/** Messages about the account itself, and a channel's "Send test". */
export type NoticeMessage =
  | { v: typeof ALERT_VERSION; type: "test"; channelName: string }
  | { v: typeof ALERT_VERSION; type: "channel_disabled"; channelType: string; channelName: string; reason: string };

export const isCritical = (m: AlertMessage) =>
  m.incidents.some((i) => i.impact === "critical") || m.components.some((c) => c.to === "major_outage");
