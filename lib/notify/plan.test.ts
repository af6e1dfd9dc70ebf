import { describe, expect, it } from "vitest";
import type { PollChange } from "@/lib/notify/changes";
import { FLAP_WINDOW_MS, type Memory, type PlanInput, planPoll } from "@/lib/notify/plan";
import { type SubscriberFilter, selectAlert } from "@/lib/notify/select";

const T0 = new Date("2026-12-01T10:00:00Z");
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

const incident = (over: Partial<Extract<PollChange, { kind: "incident" }>["incident"]> = {}) => ({
  id: "inc1",
  title: "Elevated API errors",
  status: "investigating" as const,
  impact: "major" as const,
  startedAt: T0.toISOString(),
  resolvedAt: null,
  url: "https://status.example.com/incidents/inc1",
  componentIds: ["api"],
  updates: [{ status: "investigating" as const, body: "We are looking into it.", at: T0.toISOString() }],
  ...over,
});
const component = (id: string, from: string | null, to: string): PollChange =>
  ({ kind: "component", id, name: id.toUpperCase(), group: null, from, to }) as PollChange;

function input(changes: PollChange[], over: Partial<PlanInput> = {}): PlanInput {
  return {
    changes,
    detectedAt: T0,
    memory: new Map(),
    openIncidentComponents: new Set(),
    componentNames: new Map([
      ["api", "API"],
      ["web", "Web"],
    ]),
    incidents: new Map(),
    maintenances: new Map(),
    recentlyResolvedTitles: new Set(),
    ...over,
  };
}

const everyone: SubscriberFilter = {
  componentFilter: false,
  components: new Set(),
  minimumImpact: "none",
  maintenances: true,
  eventMode: "every_update",
};
const base = { vendor: { id: "v", slug: "acme", name: "Acme" }, detectedAt: T0.toISOString() };
const known = new Set(["api", "web"]);

describe("flap control", () => {
  it("holds back a component that alerted less than 10 minutes ago unless it got worse", () => {
    const memory = new Map<string, Memory>([
      ["component:web", { lastAlertAt: min(-4), status: "degraded", peak: 2, settleAt: null }],
    ]);
    const recovered = planPoll(input([component("web", "degraded", "operational")], { memory }));
    expect(recovered.components).toEqual([]);
    expect(recovered.heldBack).toBe(1);
    expect(recovered.memory.get("component:web")?.settleAt).toEqual(new Date(min(-4).getTime() + FLAP_WINDOW_MS));
    const worse = planPoll(input([component("web", "degraded", "major_outage")], { memory }));
    expect(worse.components.map((c) => c.to)).toEqual(["major_outage"]);
    const later = planPoll(input([component("web", "degraded", "operational")], { memory, detectedAt: min(7) }));
    expect(later.components.map((c) => c.to)).toEqual(["operational"]);
  });

  it("does not hold back component changes that come with an incident's update", () => {
    const memory = new Map<string, Memory>([
      ["component:api", { lastAlertAt: min(-2), status: "partial_outage", peak: 3, settleAt: null }],
    ]);
    const plan = planPoll(
      input(
        [
          {
            kind: "incident",
            event: "updated",
            incident: incident(),
            previous: { status: "investigating", impact: "major" },
          },
          component("api", "partial_outage", "operational"),
        ],
        { memory },
      ),
    );
    expect(plan.components.map((c) => c.to)).toEqual(["operational"]);
  });
});

describe("reopened incidents", () => {
  it("back within 30 minutes of the resolution is an update; later it is a new start", () => {
    const reopen: PollChange = {
      kind: "incident",
      event: "updated",
      incident: incident(),
      previous: { status: "resolved", impact: "major" },
    };
    const soon = new Map<string, Memory>([
      ["incident:inc1", { lastAlertAt: min(-20), status: "resolved", peak: 0, settleAt: null }],
    ]);
    const late = new Map<string, Memory>([
      ["incident:inc1", { lastAlertAt: min(-45), status: "resolved", peak: 0, settleAt: null }],
    ]);
    const a = planPoll(input([reopen], { memory: soon })).incidents[0];
    const b = planPoll(input([reopen], { memory: late })).incidents[0];
    expect([a?.event, a?.milestone]).toEqual(["reopened", false]);
    expect([b?.event, b?.milestone]).toEqual(["reopened", true]);
    const startOnly = { ...everyone, eventMode: "start_and_resolution" as const };
    expect(selectAlert(planPoll(input([reopen], { memory: soon })), base, startOnly, known)).toBeNull();
    expect(selectAlert(planPoll(input([reopen], { memory: late })), base, startOnly, known)).not.toBeNull();
  });

  it("a new incident with the title of one resolved minutes ago continues it", () => {
    const created: PollChange = {
      kind: "incident",
      event: "created",
      incident: incident({ id: "inc2" }),
      previous: null,
    };
    const plan = planPoll(input([created], { recentlyResolvedTitles: new Set(["elevated api errors"]) }));
    expect(plan.incidents[0]?.event).toBe("reopened");
    expect(plan.incidents[0]?.milestone).toBe(false);
  });
});

describe("what each subscriber hears", () => {
  const created: PollChange = { kind: "incident", event: "created", incident: incident(), previous: null };
  const update: PollChange = {
    kind: "incident",
    event: "updated",
    incident: incident({ status: "identified" }),
    previous: { status: "investigating", impact: "major" },
  };

  it("component filters: an incident naming the component, or naming none we know", () => {
    const webOnly = { ...everyone, componentFilter: true, components: new Set(["web"]) };
    expect(selectAlert(planPoll(input([created])), base, webOnly, known)).toBeNull();
    const unnamed: PollChange = { ...created, incident: incident({ componentIds: [] }) } as PollChange;
    expect(selectAlert(planPoll(input([unnamed])), base, webOnly, known)?.message.incidents).toHaveLength(1);
    const elsewhere: PollChange = {
      ...created,
      incident: incident({ componentIds: ["not-on-this-page"] }),
    } as PollChange;
    expect(selectAlert(planPoll(input([elsewhere])), base, webOnly, known)?.message.incidents).toHaveLength(1);
  });

  it("minimum impact, with an update that makes an incident bad enough counting as its start", () => {
    const critical = { ...everyone, minimumImpact: "critical" as const, eventMode: "start_and_resolution" as const };
    expect(selectAlert(planPoll(input([created])), base, critical, known)).toBeNull();
    const escalated: PollChange = {
      kind: "incident",
      event: "updated",
      incident: incident({ impact: "critical" }),
      previous: { status: "investigating", impact: "major" },
    };
    expect(selectAlert(planPoll(input([escalated])), base, critical, known)?.message.incidents[0]?.impact).toBe(
      "critical",
    );
  });

  it("start and resolution: no middle updates, and their component changes stay with the incident", () => {
    const startOnly = { ...everyone, eventMode: "start_and_resolution" as const };
    expect(
      selectAlert(
        planPoll(input([update, component("api", "partial_outage", "major_outage")])),
        base,
        startOnly,
        known,
      ),
    ).toBeNull();
    const first = selectAlert(
      planPoll(input([created, component("api", "operational", "partial_outage")])),
      base,
      startOnly,
      known,
    );
    expect(first?.message.components.map((c) => c.id)).toEqual(["api"]);
    // A component outage with no incident is its own start and end.
    const alone = selectAlert(planPoll(input([component("web", "operational", "degraded")])), base, startOnly, known);
    expect(alone?.message.components.map((c) => c.id)).toEqual(["web"]);
  });

  it("a recovery reaches whoever heard the worst of it", () => {
    const critical = { ...everyone, minimumImpact: "critical" as const };
    const memory = new Map<string, Memory>([
      ["component:api", { lastAlertAt: min(-30), status: "partial_outage", peak: 4, settleAt: null }],
    ]);
    const plan = planPoll(input([component("api", "partial_outage", "operational")], { memory }));
    expect(selectAlert(plan, base, critical, known)?.message.components).toHaveLength(1);
    expect(plan.memory.get("component:api")?.peak).toBe(0);
  });

  it("subscribers who get the same selection share one variant", () => {
    const plan = planPoll(input([created, component("web", "operational", "degraded")]));
    const a = selectAlert(plan, base, everyone, known);
    const b = selectAlert(plan, base, { ...everyone, maintenances: false }, known);
    const c = selectAlert(plan, base, { ...everyone, componentFilter: true, components: new Set(["api"]) }, known);
    expect(a?.variant).toBe(b?.variant);
    expect(c?.variant).not.toBe(a?.variant);
  });
});
