import { IMPACTS, type Impact, STATUS_IMPACT, STATUS_SEVERITY, type Status } from "@/lib/domain/vocabulary";
import { type FullIncident, type FullMaintenance, type PollChange, isFullMaintenance } from "@/lib/notify/changes";
import type { AlertComponent, AlertIncident, AlertMaintenance } from "@/lib/notify/message";

/**
 * What one poll of one vendor amounts to before it is cut per subscriber: the changes worth
 * telling anyone, with flap control and reopen detection applied once for all. Pure: the caller
 * reads memory and history from the database and writes back `memory`.
 */
export const FLAP_WINDOW_MS = 10 * 60_000;
export const REOPEN_WINDOW_MS = 30 * 60_000;

export interface Memory {
  lastAlertAt: Date;
  status: string;
  peak: number;
  settleAt: Date | null;
}

export interface PlannedIncident extends AlertIncident {
  componentIds: string[];
  /** Impact before this change, so a subscriber can hear an incident that just got worse enough. */
  previousImpact: Impact | null;
  /** A start or an end, which subscribers of "start and resolution" hear. */
  milestone: boolean;
}

export interface PlannedComponent extends AlertComponent {
  /** Part of an incident (in this poll or still open): "start and resolution" hears it with the incident. */
  linked: boolean;
  /** How bad it got since it was last fine, so its recovery reaches whoever heard the worst. */
  impact: Impact;
}

export interface PlannedMaintenance extends AlertMaintenance {
  componentIds: string[];
}

export interface PollPlan {
  incidents: PlannedIncident[];
  components: PlannedComponent[];
  maintenances: PlannedMaintenance[];
  memory: Map<string, Memory>;
  heldBack: number;
}

export interface PlanInput {
  changes: PollChange[];
  detectedAt: Date;
  memory: Map<string, Memory>;
  /** Components (provider ids) listed by the vendor's open incidents. */
  openIncidentComponents: Set<string>;
  componentNames: Map<string, string>;
  /** Stored incidents and maintenances, for changes that only carry an id. */
  incidents: Map<string, FullIncident>;
  maintenances: Map<string, FullMaintenance>;
  /** Lower-cased titles of this vendor's incidents resolved in the last 30 minutes. */
  recentlyResolvedTitles: Set<string>;
}

const SEVERITY_IMPACT: Impact[] = ["none", "none", "minor", "major", "critical"];
const worse = (a: Impact, b: Impact) => (IMPACTS.indexOf(a) >= IMPACTS.indexOf(b) ? a : b);
const severity = (s: string) => STATUS_SEVERITY[s as Status] ?? 0;

function planIncident(c: PollChange & { kind: "incident" }, input: PlanInput, memory: Map<string, Memory>) {
  const stored = input.incidents.get(c.incident.id);
  const inc: FullIncident | undefined = "status" in c.incident ? c.incident : stored;
  if (!inc) return null;
  const subject = `incident:${inc.id}`;
  const remembered = memory.get(subject);
  const at = input.detectedAt;
  let event: AlertIncident["event"] = c.event;
  let milestone = c.event === "created" || c.event === "resolved";
  const wasClosed = c.previous?.status === "resolved" || c.previous?.status === "postmortem";
  if (c.event === "updated" && wasClosed) {
    // Back from resolved: within 30 minutes of the resolution it is an update, later a new start.
    event = "reopened";
    const recent =
      remembered?.status === "resolved" && at.getTime() - remembered.lastAlertAt.getTime() <= REOPEN_WINDOW_MS;
    milestone = !recent;
  } else if (c.event === "created" && input.recentlyResolvedTitles.has(inc.title.trim().toLowerCase())) {
    event = "reopened"; // the vendor opened a new incident for the one it just resolved
    milestone = false;
  }
  if (event === "resolved") memory.set(subject, { lastAlertAt: at, status: "resolved", peak: 0, settleAt: null });
  else if (event !== "postmortem") memory.set(subject, { lastAlertAt: at, status: "open", peak: 0, settleAt: null });
  return {
    event,
    id: inc.id,
    title: inc.title,
    status: c.event === "resolved" && !("status" in c.incident) ? "resolved" : inc.status,
    impact: inc.impact,
    startedAt: inc.startedAt,
    resolvedAt: inc.resolvedAt,
    url: inc.url,
    componentIds: inc.componentIds,
    components: inc.componentIds.map((id) => input.componentNames.get(id)).filter((n): n is string => Boolean(n)),
    updates: "status" in c.incident ? [...c.incident.updates].sort((a, b) => b.at.localeCompare(a.at)) : [],
    previousImpact: c.previous?.impact ?? null,
    milestone,
  } satisfies PlannedIncident;
}

export function planPoll(input: PlanInput): PollPlan {
  const memory = new Map(input.memory);
  const incidents = input.changes
    .filter((c): c is PollChange & { kind: "incident" } => c.kind === "incident")
    .map((c) => planIncident(c, input, memory))
    .filter((i): i is PlannedIncident => i !== null);
  const inThisPoll = new Set(incidents.flatMap((i) => i.componentIds));

  const components: PlannedComponent[] = [];
  let heldBack = 0;
  for (const c of input.changes) {
    if (c.kind !== "component") continue;
    const subject = `component:${c.id}`;
    const prev = memory.get(subject);
    const at = input.detectedAt.getTime();
    const peak = Math.max(prev?.peak ?? 0, severity(c.from ?? "operational"), severity(c.to));
    // Flap control: a component on its own alerts at most once per 10 minutes unless it gets worse.
    // What it held back goes out when the window closes, if the status still differs (the sweep).
    const flapping =
      !inThisPoll.has(c.id) &&
      prev !== undefined &&
      at - prev.lastAlertAt.getTime() < FLAP_WINDOW_MS &&
      severity(c.to) <= severity(prev.status);
    if (flapping) {
      heldBack++;
      memory.set(subject, {
        ...prev,
        peak,
        settleAt: prev.settleAt ?? new Date(prev.lastAlertAt.getTime() + FLAP_WINDOW_MS),
      });
      continue;
    }
    const recovered = severity(c.to) === 0;
    memory.set(subject, { lastAlertAt: input.detectedAt, status: c.to, peak: recovered ? 0 : peak, settleAt: null });
    components.push({
      id: c.id,
      name: c.name,
      group: c.group,
      from: c.from,
      to: c.to,
      linked: inThisPoll.has(c.id) || input.openIncidentComponents.has(c.id),
      impact: worse(
        SEVERITY_IMPACT[peak] ?? "none",
        worse(STATUS_IMPACT[c.to], c.from ? STATUS_IMPACT[c.from] : "none"),
      ),
    });
  }

  const maintenances = input.changes
    .filter((c): c is PollChange & { kind: "maintenance" } => c.kind === "maintenance")
    .map((c): PlannedMaintenance | null => {
      const m = isFullMaintenance(c.maintenance) ? c.maintenance : input.maintenances.get(c.maintenance.id);
      if (!m) return null;
      // Remembered so the reminder sweep can skip one announced less than an hour before it starts.
      if (c.event === "scheduled")
        memory.set(`maintenance:${m.id}`, {
          lastAlertAt: input.detectedAt,
          status: "scheduled",
          peak: 0,
          settleAt: null,
        });
      const status = c.event === "completed" ? "completed" : m.status;
      const names = m.componentIds.map((id) => input.componentNames.get(id)).filter((n): n is string => Boolean(n));
      return {
        event: c.event,
        id: m.id,
        title: m.title,
        status,
        scheduledFor: m.scheduledFor,
        scheduledUntil: m.scheduledUntil,
        componentIds: m.componentIds,
        components: names,
      };
    })
    .filter((m): m is PlannedMaintenance => m !== null);

  return { incidents, components, maintenances, memory, heldBack };
}
