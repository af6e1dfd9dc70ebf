import { describe, expect, it } from "vitest";
import type { StoredState } from "@/lib/monitor/changes";
import { diffSnapshot, updateKey } from "@/lib/monitor/diff";
import type { Snapshot, SnapshotIncident } from "@/lib/providers/types";

const now = new Date("2026-11-24T12:00:00.000Z");
const opts = { vendorId: "v1", stateKey: "hash-of-stored-state", now };
const empty: StoredState = { components: [], incidents: [], maintenances: [] };

const incident: SnapshotIncident = {
  id: "inc1",
  title: "API errors",
  status: "investigating",
  impact: "minor",
  startedAt: "2026-11-24T11:00:00.000Z",
  resolvedAt: null,
  url: null,
  componentIds: ["b", "a"],
  updates: [{ status: "investigating", body: "Looking into it", at: "2026-11-24T11:00:00.000Z" }],
};
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  provider: "statuspage",
  status: "degraded",
  components: [
    { id: "a", name: "API", group: null, status: "degraded" },
    { id: "b", name: "Web", group: "Apps", status: "operational" },
  ],
  incidents: [incident],
  maintenances: [],
  ...over,
});

/** What we would have stored after committing `s`. */
function storedFrom(s: Snapshot): StoredState {
  return {
    components: s.components.map((c, position) => ({
      providerId: c.id,
      name: c.name,
      group: c.group,
      status: c.status,
      position,
      removed: false,
    })),
    incidents: s.incidents.map((i) => ({
      providerId: i.id,
      title: i.title,
      status: i.status,
      impact: i.impact,
      startedAt: new Date(i.startedAt),
      resolvedAt: i.resolvedAt ? new Date(i.resolvedAt) : null,
      url: i.url,
      componentIds: [...i.componentIds].reverse(), // storage order differs; sets are equal
      updateKeys: i.updates.map(updateKey),
    })),
    maintenances: s.maintenances.map((m) => ({
      ...m,
      providerId: m.id,
      scheduledFor: m.scheduledFor ? new Date(m.scheduledFor) : null,
      scheduledUntil: m.scheduledUntil ? new Date(m.scheduledUntil) : null,
    })),
  };
}

describe("diffSnapshot", () => {
  it("finds everything new against an empty store, in a stable order", () => {
    const changes = diffSnapshot(empty, snapshot(), opts);
    expect(changes.map((c) => [c.kind, c.event])).toEqual([
      ["component.upsert", null],
      ["component.upsert", null],
      ["incident.upsert", "vendor/incident.created"],
    ]);
    expect(changes[2]?.key).toBe("v1:incident.created:inc1");
  });

  it("finds nothing when the snapshot is what we stored, at storage precision and in any id order", () => {
    expect(diffSnapshot(storedFrom(snapshot()), snapshot(), opts)).toEqual([]);
  });

  it("reports a status change once, with a key that is the same for the same transition", () => {
    const stored = storedFrom(snapshot());
    const next = snapshot({
      components: [
        { id: "a", name: "API", group: null, status: "major_outage" },
        { id: "b", name: "Web", group: "Apps", status: "operational" },
      ],
    });
    const first = diffSnapshot(stored, next, opts);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ event: "vendor/component.status_changed", from: "degraded" });
    expect(diffSnapshot(stored, next, opts)[0]?.key).toBe(first[0]?.key);
  });

  it("tells a new update from a resolution from a postmortem", () => {
    const stored = storedFrom(snapshot());
    const update = { status: "identified" as const, body: "Found it", at: "2026-11-24T11:10:00.000Z" };
    const identified = { ...incident, status: "identified" as const, updates: [update, ...incident.updates] };
    expect(diffSnapshot(stored, snapshot({ incidents: [identified] }), opts).map((c) => c.event)).toEqual([
      "vendor/incident.updated",
    ]);
    const resolved = { ...identified, status: "resolved" as const, resolvedAt: "2026-11-24T11:30:00.000Z" };
    expect(diffSnapshot(stored, snapshot({ incidents: [resolved] }), opts).map((c) => c.event)).toEqual([
      "vendor/incident.resolved",
    ]);
    const storedResolved = storedFrom(snapshot({ incidents: [resolved] }));
    expect(
      diffSnapshot(storedResolved, snapshot({ incidents: [{ ...resolved, status: "postmortem" }] }), opts).map(
        (c) => c.event,
      ),
    ).toEqual(["vendor/incident.postmortem"]);
  });

  it("resolves an open incident that vanished, and removes a component that did", () => {
    const stored = storedFrom(snapshot());
    const changes = diffSnapshot(
      stored,
      snapshot({ incidents: [], components: [{ id: "a", name: "API", group: null, status: "degraded" }] }),
      opts,
    );
    expect(changes.map((c) => [c.kind, c.event])).toEqual([
      ["component.removed", "vendor/component.removed"],
      ["incident.vanished", "vendor/incident.resolved"],
    ]);
  });

  it("completes a maintenance whose window has passed when the page drops it, not one still ahead", () => {
    const m = (id: string, until: string) => ({
      id,
      title: id,
      status: "scheduled" as const,
      scheduledFor: "2026-11-20T00:00:00.000Z",
      scheduledUntil: until,
      componentIds: [],
    });
    const stored = storedFrom(
      snapshot({ maintenances: [m("past", "2026-11-24T11:00:00.000Z"), m("ahead", "2026-11-30T00:00:00.000Z")] }),
    );
    const changes = diffSnapshot(stored, snapshot({ maintenances: [] }), opts);
    expect(changes.map((c) => [c.kind, c.event, "providerId" in c ? c.providerId : null])).toEqual([
      ["maintenance.completed", "vendor/maintenance.completed", "past"],
    ]);
  });
});
