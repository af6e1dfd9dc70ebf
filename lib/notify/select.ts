import { type Impact, impactAtLeast } from "@/lib/domain/vocabulary";
import { ALERT_VERSION, type AlertMessage } from "@/lib/notify/message";
import type { PlannedComponent, PlannedIncident, PollPlan } from "@/lib/notify/plan";

/** A subscription as alerting reads it (what accounts stores: see prisma/schema.prisma). */
export interface SubscriberFilter {
  /** False: every component. True: only `components`. */
  componentFilter: boolean;
  /** Provider ids of the chosen components. */
  components: ReadonlySet<string>;
  minimumImpact: Impact;
  maintenances: boolean;
  eventMode: "every_update" | "start_and_resolution";
}

/**
 * Whether something that names these components concerns a subscriber: yes without a filter, and
 * yes when it names none we know (the vendor did not say what is affected, so it may be theirs).
 */
function concerns(ids: string[], f: SubscriberFilter, known: ReadonlySet<string>): boolean {
  if (!f.componentFilter) return true;
  const named = ids.filter((id) => known.has(id));
  return named.length === 0 || named.some((id) => f.components.has(id));
}

function incidentFor(i: PlannedIncident, f: SubscriberFilter, known: ReadonlySet<string>): boolean {
  if (!concerns(i.componentIds, f, known)) return false;
  const before = i.previousImpact ?? "none";
  const bad = impactAtLeast(i.impact, f.minimumImpact) || impactAtLeast(before, f.minimumImpact);
  if (!bad) return false;
  if (f.eventMode === "every_update") return true;
  // Only the start and the end: an update that first makes it bad enough is this subscriber's start.
  const crossed = !impactAtLeast(before, f.minimumImpact) && impactAtLeast(i.impact, f.minimumImpact);
  return i.milestone || (i.event === "updated" && i.previousImpact !== null && crossed);
}

function componentFor(c: PlannedComponent, f: SubscriberFilter, incidents: PlannedIncident[]): boolean {
  if (f.componentFilter && !f.components.has(c.id)) return false;
  if ((c.to === "maintenance" || c.from === "maintenance") && !f.maintenances) return false;
  if (!impactAtLeast(c.impact, f.minimumImpact)) return false;
  if (f.eventMode === "every_update" || !c.linked) return true;
  // Part of an incident: heard with that incident's start or end, not on its own.
  return incidents.some((i) => i.componentIds.includes(c.id));
}

/**
 * The alert one subscriber gets for a poll, or null when nothing in it concerns them. `variant`
 * names the selection, so subscribers who get the same thing share one stored message.
 */
export function selectAlert(
  plan: PollPlan,
  base: Pick<AlertMessage, "vendor" | "detectedAt">,
  f: SubscriberFilter,
  known: ReadonlySet<string>,
): { message: AlertMessage; variant: string } | null {
  const incidents = plan.incidents.filter((i) => incidentFor(i, f, known));
  const components = plan.components.filter((c) => componentFor(c, f, incidents));
  const maintenances = f.maintenances ? plan.maintenances.filter((m) => concerns(m.componentIds, f, known)) : [];
  if (!incidents.length && !components.length && !maintenances.length) return null;
  const variant = [
    incidents.map((i) => plan.incidents.indexOf(i)).join(","),
    components.map((c) => plan.components.indexOf(c)).join(","),
    maintenances.map((m) => plan.maintenances.indexOf(m)).join(","),
  ].join("|");
  const message: AlertMessage = {
    v: ALERT_VERSION,
    ...base,
    incidents: incidents.map(({ componentIds: _c, previousImpact: _p, milestone: _m, ...i }) => i),
    components: components.map(({ linked: _l, impact: _i, ...c }) => c),
    maintenances: maintenances.map(({ componentIds: _c, ...m }) => m),
  };
  return { message, variant };
}
