import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { text } from "./helpers";

describe("gcp incidents.json (157 incidents, 2021-07 .. 2022-07)", () => {
  const s = parsePayload("gcp", text("gcp/incidents-2022-07.json"), { baseUrl: "https://status.cloud.google.com" });
  it("maps every incident with real values", () => {
    expect(s.provider).toBe("gcp");
    expect(s.incidents).toHaveLength(157);
    expect(s.incidents.reduce((n, i) => n + i.updates.length, 0)).toBe(770);
    expect(s.incidents[0]).toMatchObject({
      id: "TaA75H7XA1DQyM2ReK2f",
      title: "[Google BigQuery] Lower throughput from the Read API",
      status: "resolved",
      impact: "minor", // severity low
      startedAt: "2022-07-01T13:37:44.000Z",
      resolvedAt: "2022-07-01T19:25:45.000Z",
      url: "https://status.cloud.google.com/incidents/TaA75H7XA1DQyM2ReK2f",
      componentIds: ["9CcrhHUcFevXPSVaSxkf"],
    });
    expect(s.incidents[0]?.updates[0]?.status).toBe("resolved"); // AVAILABLE
    expect(s.incidents.at(-1)).toMatchObject({ id: "WXwFb7tx1XvHyGaxwdYs", startedAt: "2021-07-07T21:25:00.000Z" });
    expect(new Set(s.incidents.map((i) => i.impact))).toEqual(new Set(["minor", "major", "critical"]));
  });
  it("all ended: operational; every product an incident names is a component", () => {
    expect(s.status).toBe("operational");
    expect(s.components).toHaveLength(60);
    expect(s.components.every((c) => c.status === "operational")).toBe(true);
    expect(s.components.find((c) => c.id === "9CcrhHUcFevXPSVaSxkf")?.name).toBe("Google BigQuery");
  });
});

describe("heroku current-status", () => {
  it("Data is blue (maintenance), one completed scheduled item", () => {
    const s = parsePayload("heroku", text("heroku/current-status-maintenance-2020.json"));
    expect(s.components).toEqual([
      { id: "Apps", name: "Apps", group: null, status: "operational" },
      { id: "Data", name: "Data", group: null, status: "maintenance" },
      { id: "Tools", name: "Tools", group: null, status: "operational" },
    ]);
    expect(s.status).toBe("maintenance");
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([
      {
        id: "2120",
        title: "Data Service Update on Monday, November 9 at 19:00 UTC (14:00 EST)",
        status: "completed",
        scheduledFor: "2020-11-09T19:01:10.522Z",
        scheduledUntil: null,
        componentIds: [],
      },
    ]);
  });
});

describe("slack current", () => {
  it("two active incidents, -07:00 converted, escaped URLs", () => {
    const s = parsePayload("slack", text("slack/current-active-incident-2020.json"));
    expect(s.status).toBe("degraded");
    expect(s.components).toEqual([
      { id: "Notifications", name: "Notifications", group: null, status: "degraded" },
      { id: "Apps/Integrations/APIs", name: "Apps/Integrations/APIs", group: null, status: "degraded" },
    ]);
    expect(s.incidents.map((i) => [i.id, i.status, i.startedAt, i.url])).toEqual([
      ["878", "investigating", "2020-07-30T22:12:34.000Z", "https://status.slack.com/2020-07/ea58a170d343b2ad"],
      ["879", "investigating", "2020-07-24T17:45:08.000Z", "https://status.slack.com/2020-07/7d32ad54b0703c47"],
    ]);
    expect(s.incidents[0]?.title).toBe("We are investigating an issue with notification settings");
    expect(s.incidents[0]?.updates[0]?.body).toMatch(/^Some users might notice/);
  });
});

describe("status.io (GitLab)", () => {
  it("maintenance payload: overall 200, active maintenance window, one incident", () => {
    const s = parsePayload("statusio", text("statusio/gitlab-status-maintenance.json"));
    expect(s.status).toBe("maintenance");
    expect(s.components).toHaveLength(15);
    expect(s.components[0]).toEqual({
      id: "5b36dc6502d06804c0834a07",
      name: "Website",
      group: null,
      status: "operational",
    });
    expect(s.maintenances).toEqual([
      {
        id: "5f4e8b7f2250a004bc3453da",
        title: "Maintenance on dashboards.gitlab.com",
        status: "in_progress",
        scheduledFor: "2020-09-02T17:55:00.000Z",
        scheduledUntil: "2020-09-07T17:55:00.000Z",
        componentIds: ["5f4e8819413cdd04b6882c94"],
      },
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: "5f52b8074ef75804bc7d2c3e",
      title: "500 Error - User Notification Settings ",
      impact: "major",
      startedAt: "2020-09-04T21:56:00.000Z",
    });
    expect(s.incidents[0]?.updates).toHaveLength(2);
  });

  it("security 600: major_outage on 5 components", () => {
    const s = parsePayload("statusio", text("statusio/gitlab-status-security-600.json"));
    expect(s.status).toBe("major_outage");
    expect(s.components.filter((c) => c.status === "major_outage").map((c) => c.name)).toEqual([
      "Website",
      "API",
      "Git (ssh and https)",
      "Registry",
      "CI/CD",
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: "5e3d877d593d1b04c4620561",
      impact: "critical",
      startedAt: "2020-02-07T15:51:25.249Z",
    });
  });
});

describe("cachet v1 components (Yoti)", () => {
  it("7 operational components with numeric ids as strings", () => {
    const s = parsePayload("cachet", text("cachet/yoti-v1-components.json"));
    expect(s.status).toBe("operational");
    expect(s.components.map((c) => c.id)).toEqual(["1", "2", "3", "9", "6", "5", "4"]);
    expect(s.components[0]).toEqual({ id: "1", name: "Yoti Website", group: null, status: "operational" });
  });
  it("group names come from components/groups when available", () => {
    const groups = JSON.stringify({
      data: [
        { id: 1, name: "Global" },
        { id: 2, name: "EU" },
      ],
    }); // constructed, not recorded
    const s = parsePayload("cachet", { components: text("cachet/yoti-v1-components.json"), groups });
    expect(s.components.find((c) => c.id === "9")?.group).toBe("EU");
    expect(s.components.find((c) => c.id === "1")?.group).toBe("Global");
  });
});

describe("rss: StatusIQ feeds and a Statuspage history feed", () => {
  it("KOBV: one component in Major Outage", () => {
    const s = parsePayload("rss", text("rss/kobv-rss-major-outage.xml"));
    expect(s.status).toBe("major_outage");
    expect(s.components).toHaveLength(9);
    expect(s.components[0]).toEqual({ id: "GVI via SRU", name: "GVI via SRU", group: null, status: "major_outage" });
    expect(s.components.find((c) => c.name === "ALBERT")?.status).toBe("operational");
  });
  it("inriver: 50 items, 14 components, newest item per component wins", () => {
    const s = parsePayload("rss", text("rss/inriver-rss-operational.xml"));
    expect(s.components).toHaveLength(14);
    expect(s.status).toBe("operational");
    expect(s.components.find((c) => c.name === "Asset API")?.status).toBe("operational");
  });
  it("TrustID: 6 operational components", () => {
    const s = parsePayload("rss", text("rss/trustid-rss-operational.xml"));
    expect(s.components.map((c) => c.name)).toEqual([
      "AutoIdent",
      "TrustID API Service",
      "TrustID BO Service",
      "TrustID IDP Service",
      "TrustID SSE Service",
      "VideoIdent",
    ]);
  });
  it("GOV.UK history.rss: a maintenance from <maintenanceEndDate>", () => {
    const s = parsePayload("rss", text("rss/govuk-history-rss-maintenance-2024-01.xml"), {
      now: Date.parse("2024-01-10T00:00:00Z"),
    });
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([
      {
        id: "https://status.publishing.service.gov.uk/incidents/cnntrg2j816c",
        title:
          "[maintenanceFuture] GOV.UK Publishing maintenance Tue 16 Jan 12:00-16:00 GMT (future planned maintenance)",
        status: "scheduled",
        scheduledFor: "2024-01-16T12:00:00.000Z",
        scheduledUntil: "2024-01-16T16:00:00.000Z",
        componentIds: [],
      },
    ]);
  });
});
