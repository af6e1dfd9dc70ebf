import { describe, expect, it } from "vitest";
import type { IncidentView, MaintenanceView } from "@/lib/domain/views";
import { buildDashboardFeed } from "@/lib/data/dashboard-feed";
import type { MySubscription } from "@/lib/data/my-subscriptions";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

const sub = (slug: string, over: Partial<MySubscription> = {}): MySubscription => ({
  vendor: { slug, name: slug.toUpperCase(), status: "operational", stale: false, lastCheckedAt: null },
  allComponents: true,
  components: [],
  minimumImpact: "none",
  maintenances: true,
  eventMode: "every_update",
  emailEnabled: true,
  createdAt: ago(40),
  ...over,
});

const incident = (
  id: string,
  startedDaysAgo: number,
  resolved: boolean,
  componentIds: string[] = [],
): IncidentView => ({
  id,
  title: `Incident ${id}`,
  status: resolved ? "resolved" : "investigating",
  impact: "major",
  startedAt: ago(startedDaysAgo),
  resolvedAt: resolved ? ago(startedDaysAgo - 0.1) : null,
  url: null,
  componentIds,
  updates: [],
});

const maintenance = (id: string, startsInDays: number, componentIds: string[] = []): MaintenanceView => ({
  id,
  title: `Maintenance ${id}`,
  status: startsInDays > 0 ? "scheduled" : "completed",
  scheduledFor: ago(-startsInDays),
  scheduledUntil: ago(-startsInDays - 0.1),
  componentIds,
});

describe("buildDashboardFeed", () => {
  it("puts open items on my components first, then the last 30 days newest first", () => {
    const subs = [sub("a", { allComponents: false, components: ["api"] }), sub("b")];
    const feed = buildDashboardFeed(
      subs,
      [
        {
          slug: "a",
          name: "A",
          incidents: [
            incident("a-open-api", 1, false, ["api"]),
            incident("a-open-web", 2, false, ["web"]),
            incident("a-old", 40, true),
          ],
          maintenances: [maintenance("a-next", 3, ["api"]), maintenance("a-web", 3, ["web"])],
        },
        {
          slug: "b",
          name: "B",
          incidents: [incident("b-done", 5, true), incident("b-open", 0.5, false)],
          maintenances: [],
        },
      ],
      now,
    );
    const ids = (items: typeof feed.attention) =>
      items.map((i) => (i.kind === "incident" ? i.incident.id : i.maintenance.id));
    // Open incidents newest first, then the coming maintenance; web-only items are not "mine".
    expect(ids(feed.attention)).toEqual(["b-open", "a-open-api", "a-next"]);
    expect(ids(feed.recent)).toEqual(["a-web", "a-open-web", "b-done"]);
  });

  it("an incident naming no components counts for every subscriber; maintenances off keeps them out of 'now'", () => {
    const feed = buildDashboardFeed(
      [sub("a", { allComponents: false, components: ["api"], maintenances: false })],
      [
        {
          slug: "a",
          name: "A",
          incidents: [incident("x", 1, false, [])],
          maintenances: [maintenance("m", 1, ["api"])],
        },
      ],
      now,
    );
    expect(feed.attention.map((i) => i.kind)).toEqual(["incident"]);
    expect(feed.recent.map((i) => i.kind)).toEqual(["maintenance"]);
  });

  it("ignores vendors the user does not follow", () => {
    const feed = buildDashboardFeed(
      [sub("a")],
      [{ slug: "z", name: "Z", incidents: [incident("z", 1, false)], maintenances: [] }],
      now,
    );
    expect(feed.attention).toEqual([]);
    expect(feed.recent).toEqual([]);
  });
});
