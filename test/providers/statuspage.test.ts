import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { text } from "./helpers";

const sp = (key: string, file: string) => parsePayload("statuspage", { [key]: text(`statuspage/${file}`) });

describe("statuspage: recorded summary.json payloads", () => {
  it("GitHub 2019 operational (old fields, decorative component dropped)", () => {
    const s = sp("summary", "github-summary-operational-2019-12-30.json");
    expect(s.provider).toBe("statuspage");
    expect(s.status).toBe("operational");
    expect(s.components).toHaveLength(8);
    expect(s.components.map((c) => c.name)).not.toContain("Visit www.githubstatus.com for more information");
    expect(s.components[0]).toEqual({ id: "8l4ygp009s5s", name: "Git Operations", group: null, status: "operational" });
    expect(s.incidents).toEqual([]);
  });

  it("GitHub 2020-04-02 outage: indicator major -> partial_outage, component statuses, null affected_components", () => {
    const s = sp("summary", "github-summary-major-outage-2020-04-02.json");
    expect(s.status).toBe("partial_outage");
    const byName = Object.fromEntries(s.components.map((c) => [c.name, c.status]));
    expect(byName).toMatchObject({
      "Git Operations": "major_outage",
      "GitHub Actions": "partial_outage",
      "GitHub Pages": "operational",
    });
    expect(s.incidents).toHaveLength(1);
    const i = s.incidents[0];
    expect(i).toMatchObject({
      id: "80d0cs6kpsps",
      title: "Incident on 2020-04-02 20:20 UTC",
      status: "investigating",
      impact: "major",
      startedAt: "2020-04-02T20:20:54.005Z",
      resolvedAt: null,
      url: "http://stspg.io/n0wskg2n6bvy",
    });
    expect(i?.updates).toHaveLength(2);
    // The only affected component is the decorative one, which is not a component here.
    expect(i?.componentIds).toEqual([]);
  });

  it("GitHub 2023-05-11 incident and 2026 operational", () => {
    const a = sp("summary", "github-summary-incident-2023-05-11T1402.json");
    expect(a.status).toBe("degraded");
    expect(a.incidents[0]).toMatchObject({
      id: "nf7s6933tnn8",
      status: "investigating",
      impact: "minor",
      startedAt: "2023-05-11T13:33:22.798Z",
    });
    expect(a.incidents[0]?.url).toBe("https://stspg.io/ktm6thl02nb9");
    const b = sp("summary", "github-summary-operational-2026-04.json");
    expect(b.status).toBe("operational");
    expect(b.components).toHaveLength(11);
    expect(b.components.every((c) => c.status === "operational")).toBe(true);
  });

  it("bexio: +02:00 offsets converted to UTC, group name carried, impact independent of indicator", () => {
    const s = sp("summary", "bexio-summary-minor-incident-2026-04.json");
    expect(s.status).toBe("degraded"); // indicator minor
    expect(s.components).toHaveLength(10); // 11 rows, 1 group container
    expect(s.components.find((c) => c.id === "nwybfpqq5mng")).toEqual({
      id: "nwybfpqq5mng",
      name: "bLink / https://status.blink.six-group.com/#/service-providers",
      group: "Banking interfaces",
      status: "partial_outage",
    });
    expect(s.components.find((c) => c.name === "Banking interfaces")).toBeUndefined();
    expect(s.incidents[0]).toMatchObject({
      id: "4m686jqthwwb",
      title: "BCV interface currently unavailable",
      impact: "major",
      startedAt: "2026-04-21T08:58:27.428Z", // 10:58:27.428+02:00
      componentIds: ["nwybfpqq5mng", "fmdfglhhchgd"],
    });
    expect(s.incidents[0]?.updates[0]?.at).toBe("2026-04-21T08:58:27.543Z");
  });

  it("Asana: indicator major with no incident, 5 groups excluded", () => {
    const s = sp("summary", "asana-summary-major-groups-2026-04.json");
    expect(s.status).toBe("partial_outage");
    expect(s.components).toHaveLength(30);
    expect(new Set(s.components.map((c) => c.group))).toEqual(
      new Set(["US", "EU", "Japan", "Australia", "Middle East"]),
    );
    expect(s.components.find((c) => c.status === "major_outage")).toMatchObject({ name: "App" });
    expect(s.incidents).toEqual([]);
  });

  it("CloudAMQP: indicator maintenance and an in_progress maintenance", () => {
    const s = sp("summary", "cloudamqp-summary-maintenance.json");
    expect(s.status).toBe("maintenance");
    expect(s.components).toHaveLength(23);
    expect(s.maintenances).toEqual([
      {
        id: "qy6n39trpl7l",
        title: "Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”",
        status: "in_progress",
        scheduledFor: "2020-07-16T21:00:00.000Z",
        scheduledUntil: "2020-07-16T23:00:00.000Z",
        componentIds: ["m9jl6sdbs4vb"],
      },
    ]);
  });

  it("Cloudflare (203 KB): 475 rows, 8 groups, 13 maintenances, 1 monitoring incident", () => {
    const s = sp("summary", "cloudflare-summary-minor-with-maintenances-2026-04.json");
    expect(s.status).toBe("degraded");
    expect(s.components).toHaveLength(467);
    expect(s.components.some((c) => c.name === "Europe")).toBe(false);
    expect(s.components.filter((c) => c.group === "Europe").length).toBeGreaterThan(10);
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      id: "j83g99d13dv7",
      title: "WARP connectivity",
      status: "monitoring",
      startedAt: "2026-04-18T16:36:31.416Z",
    });
    expect(s.maintenances).toHaveLength(13);
    expect(s.maintenances[0]).toMatchObject({
      id: "05nwgxcwcw58",
      title: "STL (St. Louis) on 2026-04-21",
      status: "scheduled",
      scheduledFor: "2026-04-21T16:00:00.000Z",
      scheduledUntil: "2026-04-21T22:00:00.000Z",
    });
  });
});

describe("statuspage: components, incidents and maintenances lists", () => {
  it("CircleCI components.json: groups are containers, children carry the group name", () => {
    const s = sp("components", "circleci-components-with-groups-excerpt.json");
    expect(s.components).toHaveLength(6);
    expect(s.components[0]).toEqual({
      id: "31vvcfzgyyzk",
      name: "AWS",
      group: "CircleCI Dependencies",
      status: "operational",
    });
    expect(s.components.find((c) => c.id === "8gmrsrb87lxr")?.group).toBe("Upstream Services");
    expect(s.status).toBe("operational"); // no indicator: worst component
  });

  it("GitHub components.json excerpt", () => {
    const s = sp("components", "github-components-excerpt-2024-09.json");
    expect(s.components.map((c) => c.id)).toEqual(["8l4ygp009s5s", expect.any(String)]);
  });

  it("Emma incidents.json: 22 resolved incidents, 105 updates, -06:00 converted to UTC", () => {
    const s = sp("incidents", "emma-incidents-2019-02.json");
    expect(s.incidents).toHaveLength(22);
    expect(s.incidents.reduce((n, i) => n + i.updates.length, 0)).toBe(105);
    expect(new Set(s.incidents.map((i) => i.impact))).toEqual(new Set(["none", "minor", "major"]));
    expect(s.incidents.every((i) => i.status === "resolved" && i.resolvedAt !== null)).toBe(true);
    expect(s.incidents[0]).toMatchObject({
      id: "x0ljvc9m1wxj",
      title: "Intermittent navigation/sending trouble for some users",
      startedAt: "2019-02-20T18:00:19.418Z", // no started_at: created_at 12:00:19.418-06:00
      resolvedAt: "2019-02-20T19:40:58.572Z",
      url: "http://stspg.io/7a0d3a4d2",
    });
    expect(s.incidents[0]?.updates[0]).toEqual({
      status: "resolved",
      body: "This incident has been resolved.",
      at: "2019-02-20T19:40:58.572Z",
    });
  });

  it("GitHub incidents.json excerpt: 2 resolved incidents with 6 updates each", () => {
    const s = sp("incidents", "github-incidents-excerpt-2024-09.json");
    expect(s.incidents.map((i) => [i.id, i.impact, i.updates.length])).toEqual([
      ["69sb0f8lydp4", "major", 6],
      ["r3x7x31k7nn1", "minor", 6],
    ]);
    expect(s.incidents[0]).toMatchObject({
      title: "Incident with Pages and Actions",
      startedAt: "2024-09-16T21:31:02.713Z",
      resolvedAt: "2024-09-16T22:08:39.333Z",
      componentIds: [], // read alone there is no component list to name
    });
  });

  it("summary + incidents.json: incidents name only the page's components", () => {
    // GitHub's component ids are stable: the 2024 incidents name Actions and Pages of the 2026 page.
    const s = parsePayload("statuspage", {
      summary: text("statuspage/github-summary-operational-2026-04.json"),
      incidents: text("statuspage/github-incidents-excerpt-2024-09.json"),
    });
    expect(s.incidents.find((i) => i.id === "69sb0f8lydp4")?.componentIds).toEqual(["br0l2tvcx85d", "vg70hn9s2tyj"]);
    // Emma's components are not on GitHub's page: dropped rather than left pointing at nothing.
    const mixed = parsePayload("statuspage", {
      summary: text("statuspage/github-summary-operational-2026-04.json"),
      incidents: text("statuspage/emma-incidents-2019-02.json"),
    });
    expect(mixed.incidents.flatMap((i) => i.componentIds)).toEqual([]);
  });

  it("Discord incidents.json (-08:00) and a 2015 maintenance with impact major", () => {
    const i = sp("incidents", "discord-incidents-excerpt-2022-02.json").incidents[0];
    expect(i).toMatchObject({
      id: "n4njzfn1mqy0",
      title: "Messaging issues",
      status: "resolved",
      startedAt: "2022-02-15T21:14:17.737Z",
      resolvedAt: "2022-02-15T21:37:37.388Z",
    });
    const m = sp("maintenances", "discord-scheduled-maintenances-excerpt-2022-02.json").maintenances;
    expect(m).toEqual([
      {
        id: "chkt3cr0jf7b",
        title: "(ﾉ◕ヮ◕)ﾉ*:･ﾟ✧ Server Juice",
        status: "completed",
        scheduledFor: "2015-09-22T08:00:00.000Z",
        scheduledUntil: "2015-09-22T08:30:00.000Z",
        componentIds: [],
      },
    ]);
  });

  it("Claude scheduled-maintenances.json: 2 completed", () => {
    const s = sp("maintenances", "claude-scheduled-maintenances-completed.json");
    expect(s.maintenances.map((m) => [m.id, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ["x017628t2rl5", "completed", "2025-08-29T01:25:00.000Z", "2025-08-29T02:40:00.000Z"],
      ["16z0qdmy3qv2", "completed", "2024-12-15T01:00:00.000Z", "2024-12-15T01:30:00.000Z"],
    ]);
    expect(s.maintenances[0]?.title).toBe("Upgrades to Connector Auth Storage");
  });

  it("merges summary + incidents.json: incidents.json wins for shared ids", () => {
    const summary = text("statuspage/github-summary-incident-2023-05-11T1402.json");
    const fromSummary = JSON.parse(summary) as { incidents: Array<Record<string, unknown>> };
    const first = fromSummary.incidents[0] ?? {};
    // A later incidents.json carrying the same incident, now resolved.
    const later = JSON.stringify({
      incidents: [{ ...first, status: "resolved", resolved_at: "2023-05-11T15:00:00.000Z" }],
    });
    const s = parsePayload("statuspage", { summary, incidents: later });
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      id: "nf7s6933tnn8",
      status: "resolved",
      resolvedAt: "2023-05-11T15:00:00.000Z",
    });
  });

  it("maps unknown enum values to unknown, never operational", () => {
    const body = JSON.stringify({
      page: { id: "abcdefghijkl" },
      status: { indicator: "none" },
      components: [{ id: "a", name: "A", status: "on_fire", group_id: null, group: false }],
    });
    expect(parsePayload("statuspage", { summary: body }).components[0]?.status).toBe("unknown");
  });
});
