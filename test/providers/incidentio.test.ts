import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { text } from "./helpers";

describe("incident.io", () => {
  it("Statuspage-compatible summary (OpenAI): ULID ids, no groups, no incidents keys", () => {
    const s = parsePayload("incidentio", { summary: text("incidentio/openai-statuspage-compat-summary-2026-07.json") });
    expect(s.provider).toBe("incidentio");
    expect(s.status).toBe("operational");
    expect(s.components).toHaveLength(25);
    expect(s.components[0]).toEqual({
      id: "01JMXBRMFE4MAP2BHSJNZ787WX",
      name: "Images",
      group: null,
      status: "operational",
    });
    expect(s.components.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Login", "Audio", "Files", "FedRAMP", "Sora"]),
    );
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([]);
  });

  it("native /proxy incidents (Pleo): incident vs maintenance, derived impact, times", () => {
    // Read without the /proxy summary there is no component list, so nothing is named.
    const s = parsePayload(
      "incidentio",
      { proxyIncidents: text("incidentio/pleo-proxy-incidents-excerpt-2026-01.json") },
      { baseUrl: "https://status.pleo.io" },
    );
    expect(s.incidents).toEqual([
      {
        id: "01KG77ZCW3ZCZBXCRP47BT0KFG",
        title: "Invoices page not loading for some customers",
        status: "resolved",
        impact: "minor", // worst_component_status degraded_performance
        startedAt: "2026-01-30T10:42:56.002Z",
        resolvedAt: "2026-01-30T12:38:56.689Z",
        url: "https://status.pleo.io/incidents/01KG77ZCW3ZCZBXCRP47BT0KFG",
        componentIds: [],
        updates: [
          {
            status: "identified",
            body: "Some customers are unable to access the Invoices page. We have identified the issue and are working on a fix.",
            at: "2026-01-30T10:42:56.002Z",
          },
        ],
      },
    ]);
    expect(s.maintenances).toEqual([
      {
        id: "01KFGG5S6TRSJJNNBB3TQATY24",
        title: "Scheduled Pleo Maintenance",
        status: "completed",
        scheduledFor: "2026-01-25T00:00:00.000Z",
        scheduledUntil: "2026-01-25T02:00:00.000Z",
        componentIds: [],
      },
    ]);
  });

  it("native /proxy summary: groups from structure, statuses from affected_components (constructed from docs/providers.md, 'incident.io', not recorded)", () => {
    const summary = JSON.stringify({
      summary: {
        id: "01JEV56RY0P76Q6QPHRZN5SJ9D",
        name: "Example",
        public_url: "https://status.example.com",
        components: [
          { id: "01AAAAAAAAAAAAAAAAAAAAAAAA", name: "API" },
          { id: "01BBBBBBBBBBBBBBBBBBBBBBBB", name: "Dashboard" },
        ],
        structure: {
          items: [
            {
              group: {
                id: "01GGGGGGGGGGGGGGGGGGGGGGGG",
                name: "Core",
                components: [{ component_id: "01AAAAAAAAAAAAAAAAAAAAAAAA", name: "API" }],
              },
            },
            { component: { component_id: "01BBBBBBBBBBBBBBBBBBBBBBBB", name: "Dashboard" } },
          ],
        },
        affected_components: [{ component_id: "01AAAAAAAAAAAAAAAAAAAAAAAA", status: "full_outage" }],
        ongoing_incidents: [],
        scheduled_maintenances: [],
      },
    });
    const s = parsePayload("incidentio", {
      proxy: summary,
      proxyIncidents: text("incidentio/pleo-proxy-incidents-excerpt-2026-01.json"),
    });
    expect(s.components).toEqual([
      { id: "01AAAAAAAAAAAAAAAAAAAAAAAA", name: "API", group: "Core", status: "major_outage" },
      { id: "01BBBBBBBBBBBBBBBBBBBBBBBB", name: "Dashboard", group: null, status: "operational" },
    ]);
    expect(s.status).toBe("major_outage");
    // The recorded Pleo incidents name components this page does not list: dropped, not dangling.
    expect(s.incidents.map((i) => i.componentIds)).toEqual([[]]);
  });
});
