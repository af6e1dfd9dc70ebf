/**
 * The words Vendorwatch speaks in: component and vendor statuses, incident statuses, impacts and
 * maintenance states, with their labels and orderings. Every layer (providers, monitor, data,
 * feeds, email, pages) imports them from here. `as const` arrays are the single source of the
 * union types; prisma/schema.prisma mirrors them as enums.
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

export const STATUS_TEXT: Record<Status, string> = {
  operational: "Operational",
  degraded: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  maintenance: "Under maintenance",
  unknown: "Unknown",
};

export const INCIDENT_STATUS_TEXT: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const IMPACT_TEXT: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
};

export const MAINTENANCE_STATUS_TEXT: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
};

export const isStatus = (value: unknown): value is Status => (STATUSES as readonly unknown[]).includes(value);
export const isImpact = (value: unknown): value is Impact => (IMPACTS as readonly unknown[]).includes(value);

/** An incident is over once the vendor resolved it (a postmortem comes after the resolution). */
export const isClosedIncidentStatus = (s: IncidentStatus) => s === "resolved" || s === "postmortem";

/** Partial and major outages count as downtime in uptime figures; degraded does not. */
export const isOutage = (s: Status) => s === "partial_outage" || s === "major_outage";

/**
 * Which status wins when several apply (a page's overall status, a day's worst): unknown ranks
 * above operational and maintenance, because a component we cannot read may be down.
 */
const WORST_ORDER: Record<Status, number> = {
  operational: 0,
  maintenance: 1,
  unknown: 2,
  degraded: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** Worst of a list; an empty list is "unknown" unless the caller knows better. */
export function worstStatus(statuses: Iterable<Status>, empty: Status = "unknown"): Status {
  let worst: Status | null = null;
  for (const s of statuses) if (worst === null || WORST_ORDER[s] > WORST_ORDER[worst]) worst = s;
  return worst ?? empty;
}

/** Worst impact of a list (none < minor < major < critical); `empty` when there is none. */
export function worstImpact(impacts: Iterable<Impact>, empty: Impact = "none"): Impact {
  let worst: Impact | null = null;
  for (const i of impacts) if (worst === null || IMPACTS.indexOf(i) > IMPACTS.indexOf(worst)) worst = i;
  return worst ?? empty;
}

/**
 * How bad things are for a user, on one scale for statuses and impacts (0 fine, 4 the worst), so
 * a critical incident on a page that still says "operational" ranks as a major outage.
 */
export const STATUS_SEVERITY: Record<Status, number> = {
  operational: 0,
  unknown: 0,
  maintenance: 1,
  degraded: 2,
  partial_outage: 3,
  major_outage: 4,
};
export const IMPACT_SEVERITY: Record<Impact, number> = { none: 1, minor: 2, major: 3, critical: 4 };

/** The impact a component status amounts to, for filters that speak in impacts ("major and worse"). */
export const STATUS_IMPACT: Record<Status, Impact> = {
  operational: "none",
  unknown: "none",
  maintenance: "none",
  degraded: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

/** True when `impact` is at least `minimum` ("any" is none). */
export const impactAtLeast = (impact: Impact, minimum: Impact) => IMPACTS.indexOf(impact) >= IMPACTS.indexOf(minimum);
