import { fixture } from "@/test/fixture-server";

/**
 * Builds the Statuspage payloads a vendor's page serves at each stage of an incident's life,
 * from real recorded data: an incident's recorded updates are revealed one at a time (what its
 * page showed as the vendor posted them), components take statuses from Statuspage's enum.
 * Only the final "postmortem" status, which none of our recordings caught, is scripted.
 */
type Json = Record<string, unknown>;
const load = (path: string) => JSON.parse(fixture(path).toString("utf8")) as Json;

const summaryBase = load("statuspage/github-summary-operational-2026-04.json");
const emma = load("statuspage/emma-incidents-2019-02.json");
const claude = load("statuspage/claude-scheduled-maintenances-completed.json");

export const INCIDENT = (emma.incidents as Json[]).find((i) => i.id === "gm8jc9315cyk") as Json;
export const MAINTENANCE = (claude.scheduled_maintenances as Json[])[0] as Json;
export const COMPONENTS = summaryBase.components as Json[];

/** The incident as its page showed it after `n` updates (1..4), or with a postmortem published. */
export function incidentStage(n: number | "postmortem"): Json {
  const updates = (INCIDENT.incident_updates as Json[]).slice();
  const shown = n === "postmortem" ? updates : updates.slice(updates.length - n);
  const latest = shown[0] as Json;
  const status = n === "postmortem" ? "postmortem" : (latest.status as string);
  return {
    ...INCIDENT,
    status,
    incident_updates: shown,
    updated_at: latest.updated_at,
    resolved_at: status === "resolved" || status === "postmortem" ? INCIDENT.resolved_at : null,
    monitoring_at: shown.some((u) => u.status === "monitoring") ? INCIDENT.monitoring_at : null,
  };
}

export function maintenanceStage(status: "scheduled" | "in_progress" | "completed"): Json {
  const order = ["scheduled", "in_progress", "verifying", "completed"];
  const updates = (MAINTENANCE.incident_updates as Json[]).filter(
    (u) => order.indexOf(u.status as string) <= order.indexOf(status),
  );
  return { ...MAINTENANCE, status, incident_updates: updates };
}

export interface Stage {
  incident?: Json | null;
  maintenance?: Json | null;
  /** Component id -> Statuspage status (operational, degraded_performance, ...). */
  componentStatus?: Record<string, string>;
}

export function stagePayloads(stage: Stage) {
  const components = COMPONENTS.map((c) => ({ ...c, status: stage.componentStatus?.[c.id as string] ?? c.status }));
  const open =
    stage.incident && !["resolved", "postmortem"].includes(stage.incident.status as string) ? [stage.incident] : [];
  const upcoming = stage.maintenance && stage.maintenance.status !== "completed" ? [stage.maintenance] : [];
  const degraded = components.some((c) => c.status !== "operational");
  const indicator = open.length
    ? "major"
    : upcoming.some((m) => m.status === "in_progress")
      ? "maintenance"
      : degraded
        ? "minor"
        : "none";
  return {
    summary: JSON.stringify({
      ...summaryBase,
      components,
      incidents: open,
      scheduled_maintenances: upcoming,
      status: { indicator, description: indicator },
    }),
    incidents: JSON.stringify({ page: summaryBase.page, incidents: stage.incident ? [stage.incident] : [] }),
    maintenances: JSON.stringify({
      page: summaryBase.page,
      scheduled_maintenances: stage.maintenance ? [stage.maintenance] : [],
    }),
  };
}
