/**
 * The normalised snapshot every provider produces. This is a public contract:
 * `vendorwatch check --json` prints it, the monitor diffs it, outside checks read it.
 * The statuses, impacts and states it speaks in are the domain vocabulary (lib/domain/vocabulary.ts).
 */
import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

export const PROVIDER_IDS = [
  "statuspage",
  "incidentio",
  "instatus",
  "betterstack",
  "statusio",
  "statuspal",
  "cachet",
  "gcp",
  "aws",
  "rss",
  "slack",
  "heroku",
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** ISO 8601 in UTC, always ending in `Z`. */
export type IsoUtc = string;

export interface SnapshotComponent {
  id: string;
  name: string;
  group: string | null;
  status: Status;
}

export interface SnapshotIncidentUpdate {
  status: IncidentStatus;
  body: string;
  at: IsoUtc;
}

export interface SnapshotIncident {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  startedAt: IsoUtc;
  resolvedAt: IsoUtc | null;
  url: string | null;
  componentIds: string[];
  updates: SnapshotIncidentUpdate[];
}

export interface SnapshotMaintenance {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: IsoUtc | null;
  scheduledUntil: IsoUtc | null;
  componentIds: string[];
}

export interface Snapshot {
  provider: ProviderId;
  status: Status;
  components: SnapshotComponent[];
  incidents: SnapshotIncident[];
  maintenances: SnapshotMaintenance[];
}
