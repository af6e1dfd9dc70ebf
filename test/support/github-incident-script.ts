import { fixture } from "@/test/fixture-server";

/**
 * A real incident lifecycle for notification tests: GitHub's "Incident with Pages and Actions" of
 * 16 September 2024 (statuspage/github-incidents-excerpt-2024-09.json), revealed one recorded
 * update at a time on GitHub's own summary (statuspage/github-summary-operational-2026-04.json),
 * with each component at the status the update's `affected_components` recorded. The incident's
 * six updates span 37 minutes, so tests that follow its clock see real flap-control timing. The
 * maintenance stages reuse Claude's recorded maintenance (as test/support/statuspage-script.ts
 * does); it names a component this page does not list, so it concerns the whole vendor.
 */
type Json = Record<string, unknown>;
const load = (path: string) => JSON.parse(fixture(path).toString("utf8")) as Json;

const summary = load("statuspage/github-summary-operational-2026-04.json");
const recorded = (load("statuspage/github-incidents-excerpt-2024-09.json").incidents as Json[])[0] as Json;
const maintenance = (
  load("statuspage/claude-scheduled-maintenances-completed.json").scheduled_maintenances as Json[]
)[0] as Json;

/** Oldest first. */
const UPDATES = [...(recorded.incident_updates as Json[])].reverse();
export const INCIDENT_ID = recorded.id as string;
export const INCIDENT_STAGES = UPDATES.length; // 6
export const ACTIONS = "br0l2tvcx85d";
export const PAGES = "vg70hn9s2tyj";
export const GIT_OPERATIONS = "8l4ygp009s5s";
export const MAINTENANCE_ID = maintenance.id as string;

/** When the vendor posted update `n` (1-based): the test clock follows it. */
export const updateTime = (n: number) => new Date(UPDATES[n - 1]?.created_at as string);

interface Stage {
  /** 1..6 updates shown, or 0 for none. */
  updates: number;
  maintenance?: "scheduled" | "in_progress" | "completed";
  /** Suffix that makes the incident and maintenance ids unique (many lifecycles on one page). */
  cycle?: string;
  /** Component statuses (Statuspage's words) over what the updates say: outages with no incident. */
  components?: Record<string, string>;
}

function componentStatuses(n: number): Record<string, string> {
  const status: Record<string, string> = {};
  for (const u of UPDATES.slice(0, n))
    for (const c of (u.affected_components as Json[] | null) ?? []) status[c.code as string] = c.new_status as string;
  return status;
}

function incidentAt(n: number, cycle: string): Json {
  const shown = UPDATES.slice(0, n).reverse();
  const latest = shown[0] as Json;
  const resolved = latest.status === "resolved";
  return {
    ...recorded,
    id: `${INCIDENT_ID}${cycle}`,
    status: latest.status,
    incident_updates: shown.map((u, i) => ({
      ...u,
      id: `${u.id as string}${cycle}`,
      incident_id: `${INCIDENT_ID}${cycle}`,
      _i: i,
    })),
    updated_at: latest.updated_at,
    resolved_at: resolved ? recorded.resolved_at : null,
  };
}

function maintenanceAt(status: "scheduled" | "in_progress" | "completed", cycle: string): Json {
  const order = ["scheduled", "in_progress", "verifying", "completed"];
  const updates = (maintenance.incident_updates as Json[]).filter(
    (u) => order.indexOf(u.status as string) <= order.indexOf(status),
  );
  return { ...maintenance, id: `${MAINTENANCE_ID}${cycle}`, status, incident_updates: updates };
}

/** The three endpoints' bodies at a stage. */
export function githubPayloads(stage: Stage) {
  const cycle = stage.cycle ?? "";
  const status = { ...componentStatuses(stage.updates), ...stage.components };
  const components = (summary.components as Json[]).map((c) => ({ ...c, status: status[c.id as string] ?? c.status }));
  const incident = stage.updates ? incidentAt(stage.updates, cycle) : null;
  const open = incident && incident.status !== "resolved" ? [incident] : [];
  const m = stage.maintenance ? maintenanceAt(stage.maintenance, cycle) : null;
  const upcoming = m && m.status !== "completed" ? [m] : [];
  return {
    summary: JSON.stringify({
      ...summary,
      components,
      incidents: open,
      scheduled_maintenances: upcoming,
      status: {
        indicator: open.length ? "major" : "none",
        description: open.length ? "Partial System Outage" : "All Systems Operational",
      },
    }),
    incidents: JSON.stringify({ page: summary.page, incidents: incident ? [incident] : [] }),
    maintenances: JSON.stringify({ page: summary.page, scheduled_maintenances: m ? [m] : [] }),
  };
}
