import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { text } from "./helpers";

const pal = (file: string) => parsePayload("statuspal", text(`statuspal/${file}`));

describe("statuspal: naive local times in status_page.time_zone", () => {
  it("Ascent Logistics (America/Detroit): 2 major incidents, services flattened under parents", () => {
    const s = pal("ascentlogistics-summary-major.json");
    expect(s.status).toBe("major_outage");
    expect(s.components).toHaveLength(20);
    expect(s.components.find((c) => c.name === "Main Ascent Website")?.group).toBe("Ascent Websites");
    expect(s.components.find((c) => c.name === "Vision")?.group).toBeNull();
    expect(s.components.some((c) => c.name === "APT")).toBe(false); // container
    expect(s.incidents.map((i) => i.id)).toEqual(["82138", "82137"]);
    expect(s.incidents[0]).toMatchObject({
      title: "Service PEAK - Customer API  Production seems to be down",
      status: "investigating",
      impact: "major",
      startedAt: "2022-04-20T22:27:16.000Z", // 18:27:16 EDT
      resolvedAt: null,
      url: "https://ascentlogistics.statuspal.io/incidents/82138",
      componentIds: ["28741"], // PEAK (a parent) named with its child: the child
    });
  });

  it("Maslak (Europe/Istanbul, +03:00)", () => {
    const s = pal("maslak-summary-major.json");
    expect(s.components).toEqual([
      { id: expect.any(String), name: "API Gateway", group: null, status: "operational" },
      { id: "16714", name: "TeamDefinex Web", group: null, status: "major_outage" },
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: "109613",
      startedAt: "2022-12-15T13:03:28.000Z",
      url: "https://status.maslak.io/incidents/109613",
    });
  });

  it("hosttech (Europe/Zurich, CEST): minor incident", () => {
    const s = pal("hosttech-summary-minor-incident.json");
    expect(s.status).toBe("partial_outage");
    expect(s.components).toHaveLength(13);
    expect(s.components.find((c) => c.name === "Webhosting & Reseller")?.status).toBe("partial_outage");
    expect(s.incidents[0]).toMatchObject({
      id: "150399",
      title: "Serverausfall",
      impact: "minor",
      startedAt: "2023-09-13T05:16:37.000Z",
    });
  });

  it("Exoscale operational with an upcoming maintenance", () => {
    const s = pal("exoscale-summary-operational.json");
    expect(s.status).toBe("operational");
    expect(s.components).toHaveLength(44);
    expect(s.components.filter((c) => c.name === "API").map((c) => c.group)).toEqual(
      expect.arrayContaining(["CH-GVA-2", "CH-DK-2", "DE-FRA-1"]),
    );
    expect(s.maintenances).toEqual([
      {
        id: "80061",
        title: "Core Network Architecture - Internal routing update",
        status: "scheduled",
        scheduledFor: "2023-09-20T05:00:00.000Z",
        scheduledUntil: null,
        // CH-GVA-2 (a parent) named with all six of its services.
        componentIds: ["10346", "10339", "10353", "10360", "10367", "10374"],
      },
    ]);
  });

  it("Exoscale emergency maintenance and the info incident just after closing", () => {
    const e = pal("exoscale-summary-emergency-maintenance.json");
    expect(e.status).toBe("maintenance");
    expect(e.maintenances.map((m) => [m.id, m.status, m.scheduledFor])).toEqual([
      ["209618", "in_progress", "2025-10-17T09:44:56.000Z"],
      ["208172", "scheduled", "2025-11-13T20:00:00.000Z"], // 21:00 CET (winter time)
    ]);
    expect(e.maintenances[1]?.scheduledUntil).toBe("2025-11-14T04:00:00.000Z");
    const c = pal("exoscale-summary-recent-incident-closed.json");
    // current_incident_type "info", current_status_type "minor": the worse reading wins.
    expect(c.status).toBe("partial_outage");
    expect(c.incidents[0]).toMatchObject({ id: "187842", impact: "none", startedAt: "2025-03-08T07:41:25.000Z" });
    // AT-VIE-2 (a parent) named with all seven of its services.
    expect(c.incidents[0]?.componentIds).toEqual(["10351", "10344", "10358", "10365", "10372", "10379", "21313"]);
  });

  it("a parent named without any of its children stands for all of them (constructed, not recorded)", () => {
    const body = JSON.stringify({
      status_page: { time_zone: "UTC", current_incident_type: "minor" },
      services: [
        {
          id: 1,
          name: "Zone",
          children: [
            { id: 2, name: "API" },
            { id: 3, name: "DNS" },
          ],
        },
      ],
      incidents: [{ id: 9, type: "minor", title: "Zone down", inserted_at: "2026-01-01T00:00:00", service_ids: [1] }],
    });
    expect(parsePayload("statuspal", body).incidents[0]?.componentIds).toEqual(["2", "3"]);
  });
});
