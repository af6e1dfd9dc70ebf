/**
 * Formats with NO recorded payload (Instatus, Better Stack, Azure). Every payload below is
 * CONSTRUCTED FROM THE VENDORS' DOCUMENTATION (docs/providers.md: Instatus, Better Stack, Azure under
 * "RSS and Atom feeds"), not recorded from a vendor.
 */
import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";

describe("instatus summary.json (constructed from docs/providers.md, 'Instatus')", () => {
  const body = JSON.stringify({
    page: { name: "Example", url: "https://example.instatus.com", status: "HASISSUES" },
    activeIncidents: [
      {
        id: "cl0000000000000000000001",
        name: "API errors",
        started: "2026-03-01T10:00:00.000Z",
        status: "IDENTIFIED",
        impact: "PARTIALOUTAGE",
        url: "https://example.instatus.com/incident/cl0000000000000000000001",
        updatedAt: "2026-03-01T10:05:00.000Z",
      },
    ],
    activeMaintenances: [
      {
        id: "cl0000000000000000000002",
        name: "DB upgrade",
        start: "2026-03-02T22:00:00.000+01:00",
        status: "NOTSTARTEDYET",
        duration: 90,
        url: "https://example.instatus.com/maintenance/cl0000000000000000000002",
        updatedAt: "2026-03-01T09:00:00.000Z",
      },
    ],
  });
  it("maps incidents, maintenances and HASISSUES via the worst impact", () => {
    const s = parsePayload("instatus", body);
    expect(s.status).toBe("partial_outage");
    expect(s.incidents[0]).toMatchObject({
      id: "cl0000000000000000000001",
      status: "identified",
      impact: "major",
      startedAt: "2026-03-01T10:00:00.000Z",
    });
    expect(s.maintenances[0]).toEqual({
      id: "cl0000000000000000000002",
      title: "DB upgrade",
      status: "scheduled",
      scheduledFor: "2026-03-02T21:00:00.000Z",
      scheduledUntil: "2026-03-02T22:30:00.000Z",
      componentIds: [],
    });
  });
  it("UP is operational, an unknown page status is unknown", () => {
    expect(
      parsePayload("instatus", JSON.stringify({ page: { status: "UP" }, activeIncidents: [], activeMaintenances: [] }))
        .status,
    ).toBe("operational");
    expect(parsePayload("instatus", JSON.stringify({ page: { status: "WEIRD" } })).status).toBe("unknown");
  });
});

describe("betterstack index.json (constructed from docs/providers.md, 'Better Stack')", () => {
  const body = JSON.stringify({
    data: {
      id: "123",
      type: "status_page",
      attributes: { company_name: "Example", aggregate_state: "degraded", timezone: "UTC" },
      relationships: {},
    },
    included: [
      { id: "10", type: "status_page_section", attributes: { name: "Core" } },
      {
        id: "20",
        type: "status_page_resource",
        attributes: { public_name: "API", status: "degraded", status_page_section_id: 10 },
      },
      { id: "21", type: "status_page_resource", attributes: { public_name: "Website", status: "not_monitored" } },
      {
        id: "30",
        type: "status_report",
        attributes: {
          title: "Slow API",
          report_type: "manual",
          aggregate_state: "degraded",
          starts_at: "2026-03-01T10:00:00.000Z",
          ends_at: null,
          affected_resources: [{ status_page_resource_id: "20", status: "degraded" }],
        },
      },
      {
        id: "40",
        type: "status_update",
        attributes: { message: "Looking into it", published_at: "2026-03-01T10:01:00.000Z" },
        relationships: { status_report: { data: { id: "30" } } },
      },
      {
        id: "31",
        type: "status_report",
        attributes: {
          title: "Upgrade",
          report_type: "maintenance",
          starts_at: "2026-03-05T00:00:00.000Z",
          ends_at: "2026-03-05T01:00:00.000Z",
        },
      },
    ],
  });
  it("sections become groups, unknown resource statuses become unknown", () => {
    const s = parsePayload("betterstack", body, { now: Date.parse("2026-03-02T00:00:00Z") });
    expect(s.status).toBe("degraded");
    expect(s.components).toEqual([
      { id: "20", name: "API", group: "Core", status: "degraded" },
      { id: "21", name: "Website", group: null, status: "unknown" },
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: "30",
      title: "Slow API",
      status: "investigating",
      impact: "minor",
      componentIds: ["20"],
    });
    expect(s.incidents[0]?.updates).toEqual([
      { status: "investigating", body: "Looking into it", at: "2026-03-01T10:01:00.000Z" },
    ]);
    expect(s.maintenances[0]).toMatchObject({
      id: "31",
      status: "scheduled",
      scheduledUntil: "2026-03-05T01:00:00.000Z",
    });
  });
  it("the HTML shell Better Stack serves for any path is an invalid payload", () => {
    expect(() => parsePayload("betterstack", "<!doctype html><html></html>")).toThrow(/not JSON/);
  });
});

describe("azure RSS via the rss provider (constructed from docs/providers.md, 'RSS and Atom feeds')", () => {
  const channel = (items: string) =>
    `<?xml version="1.0" encoding="utf-8"?><rss xmlns:a10="http://www.w3.org/2005/Atom" version="2.0"><channel><title>Azure Status</title><link>https://azure.status.microsoft/en-us/status/</link><description>Azure Status</description><lastBuildDate>Mon, 12 Nov 2018 16:25:40 Z</lastBuildDate>${items}</channel></rss>`;
  it("an empty channel means healthy", () => {
    const s = parsePayload("rss", channel(""));
    expect(s).toEqual({ provider: "rss", status: "operational", components: [], incidents: [], maintenances: [] });
  });
  it("an item is an active incident", () => {
    const s = parsePayload(
      "rss",
      channel(
        `<item><guid isPermaLink="false">TRK1-AB2</guid><link>https://azure.status.microsoft/en-us/status/</link><title>Virtual Machines - West Europe</title><description>Summary of impact: ...</description><pubDate>Mon, 12 Nov 2018 16:20:00 Z</pubDate></item>`,
      ),
    );
    expect(s.status).toBe("degraded");
    expect(s.incidents).toEqual([
      {
        id: "TRK1-AB2",
        title: "Virtual Machines - West Europe",
        status: "investigating",
        impact: "minor",
        startedAt: "2018-11-12T16:20:00.000Z",
        resolvedAt: null,
        url: "https://azure.status.microsoft/en-us/status/",
        componentIds: [],
        updates: [],
      },
    ]);
  });
  it("Atom entries with a Statuspage-style <strong> label", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>tag:status.example.com,2005:Incident/123</id><published>2026-01-01T10:00:00+01:00</published><updated>2026-01-01T11:00:00+01:00</updated><link rel="alternate" type="text/html" href="https://status.example.com/incidents/abc"/><title>Outage</title><content type="html">&lt;p&gt;&lt;small&gt;Jan &lt;var data-var='date'&gt;1&lt;/var&gt;&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - fixed&lt;/p&gt;</content></entry></feed>`;
    const s = parsePayload("rss", atom);
    expect(s.incidents[0]).toMatchObject({
      id: "tag:status.example.com,2005:Incident/123",
      status: "resolved",
      startedAt: "2026-01-01T09:00:00.000Z",
      url: "https://status.example.com/incidents/abc",
    });
    expect(s.status).toBe("operational");
  });
});
