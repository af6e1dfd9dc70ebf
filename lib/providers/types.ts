/**
 * The normalised snapshot every provider produces. This is a public contract:
 * `vendorwatch check --json` prints it, the monitor diffs it, outside checks read it.
 * `as const` arrays are the single source of the enum types.
 */
export const STATUSES = [
  "operational",
  "degraded",
  "partial_outage",
  "major_outage",
  "maintenance",
  "unknown",
] as const;
export type Status = (typeof STATUSES)[number];

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

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
