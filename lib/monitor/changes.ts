import type {
  SnapshotComponent,
  SnapshotIncident,
  SnapshotIncidentUpdate,
  SnapshotMaintenance,
} from "@/lib/providers/types";
import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

/** Change events other parts of the system consume (notifications, cache invalidation, feeds). */
export const CHANGE_EVENTS = [
  "vendor/incident.created",
  "vendor/incident.updated",
  "vendor/incident.resolved",
  "vendor/incident.postmortem",
  "vendor/component.status_changed",
  "vendor/component.removed",
  "vendor/maintenance.scheduled",
  "vendor/maintenance.started",
  "vendor/maintenance.completed",
] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

/** What we hold for a vendor, at storage precision, as the diff needs it. */
export interface StoredState {
  components: Array<{
    providerId: string;
    name: string;
    group: string | null;
    status: Status;
    position: number;
    removed: boolean;
  }>;
  incidents: Array<{
    providerId: string;
    title: string;
    status: IncidentStatus;
    impact: Impact;
    startedAt: Date;
    resolvedAt: Date | null;
    url: string | null;
    componentIds: string[];
    updateKeys: string[];
  }>;
  maintenances: Array<{
    providerId: string;
    title: string;
    status: MaintenanceStatus;
    scheduledFor: Date | null;
    scheduledUntil: Date | null;
    componentIds: string[];
  }>;
}

/**
 * One change the diff found. `event` is the event it emits, or null for a write that is not
 * news (a renamed component, a first sighting of a component). `key` is deterministic: the same
 * transition from the same stored state always has the same key, so a replayed poll is a no-op.
 */
export type Change =
  | {
      kind: "component.upsert";
      event: "vendor/component.status_changed" | null;
      key: string;
      component: SnapshotComponent;
      position: number;
      from: Status | null;
    }
  | {
      kind: "component.removed";
      event: "vendor/component.removed";
      key: string;
      providerId: string;
      name: string;
      from: Status;
    }
  | {
      kind: "incident.upsert";
      event:
        | "vendor/incident.created"
        | "vendor/incident.updated"
        | "vendor/incident.resolved"
        | "vendor/incident.postmortem"
        | null;
      key: string;
      incident: SnapshotIncident;
      newUpdates: SnapshotIncidentUpdate[];
      previous: { status: IncidentStatus; impact: Impact } | null;
    }
  | { kind: "incident.vanished"; event: "vendor/incident.resolved"; key: string; providerId: string; title: string }
  | {
      kind: "maintenance.upsert";
      event: "vendor/maintenance.scheduled" | "vendor/maintenance.started" | "vendor/maintenance.completed" | null;
      key: string;
      maintenance: SnapshotMaintenance;
      previous: MaintenanceStatus | null;
    }
  | {
      kind: "maintenance.completed";
      event: "vendor/maintenance.completed";
      key: string;
      providerId: string;
      title: string;
    };
