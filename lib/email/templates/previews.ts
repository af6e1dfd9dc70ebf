import githubIncidents from "@/test/fixtures/statuspage/github-incidents-excerpt-2024-09.json";
import githubSummary from "@/test/fixtures/statuspage/github-summary-operational-2026-04.json";
import claudeMaintenances from "@/test/fixtures/statuspage/claude-scheduled-maintenances-completed.json";
import { parsePayload } from "@/lib/providers";
import type { AlertMessage, DigestMessage, NoticeMessage } from "@/lib/notify/message";

/**
 * Preview props for the email templates, from real recorded incidents (test/fixtures, sources in
 * its SOURCES.md) run through the Statuspage provider as a poll would: GitHub's "Incident with
 * Pages and Actions" of 16 September 2024 and Claude's maintenance of 29 August 2025. Used by
 * /dev/emails and the template tests.
 */
const snapshot = parsePayload("statuspage", {
  summary: JSON.stringify(githubSummary),
  incidents: JSON.stringify(githubIncidents),
  maintenances: JSON.stringify(claudeMaintenances),
});
const names = new Map(snapshot.components.map((c) => [c.id, c.name]));
const incident = snapshot.incidents.find((i) => i.id === "69sb0f8lydp4") ?? snapshot.incidents[0];
const maintenance = snapshot.maintenances[0];
const vendor = { id: "preview", slug: "github", name: "GitHub" };

if (!incident || !maintenance) throw new Error("the recorded fixtures lost their incident or maintenance");

/** The first report: the incident opens with Actions and Pages in partial outage. */
export const alertPreview: AlertMessage = {
  v: 1,
  vendor,
  detectedAt: incident.startedAt,
  incidents: [
    {
      event: "created",
      id: incident.id,
      title: incident.title,
      status: "investigating",
      impact: incident.impact,
      startedAt: incident.startedAt,
      resolvedAt: null,
      url: incident.url,
      components: incident.componentIds.map((id) => names.get(id) ?? id),
      updates: incident.updates.slice(-1),
    },
  ],
  components: [
    { id: "br0l2tvcx85d", name: "Actions", group: null, from: "operational", to: "partial_outage" },
    { id: "vg70hn9s2tyj", name: "Pages", group: null, from: "operational", to: "partial_outage" },
  ],
  maintenances: [],
};

/** The resolution, with the last two updates found by one poll. */
export const resolvedPreview: AlertMessage = {
  ...alertPreview,
  detectedAt: incident.resolvedAt ?? incident.startedAt,
  incidents: [
    {
      ...(alertPreview.incidents[0] as AlertMessage["incidents"][number]),
      event: "resolved",
      status: "resolved",
      resolvedAt: incident.resolvedAt,
      updates: incident.updates.slice(0, 2),
    },
  ],
  components: [{ id: "br0l2tvcx85d", name: "Actions", group: null, from: "partial_outage", to: "operational" }],
};

export const maintenancePreview: AlertMessage = {
  v: 1,
  vendor: { id: "preview", slug: "claude", name: "Claude" },
  detectedAt: maintenance.scheduledFor ?? incident.startedAt,
  incidents: [],
  components: [],
  maintenances: [{ event: "reminder", ...maintenance, components: [] }],
};

export const digestPreview: DigestMessage = {
  v: 1,
  period: "daily:2024-09-17",
  frequency: "daily",
  periodStart: "2024-09-16T06:00:00.000Z",
  periodEnd: "2024-09-17T06:00:00.000Z",
  timeZone: "Europe/Paris",
  vendors: [
    {
      slug: "github",
      name: "GitHub",
      incidents: snapshot.incidents.map((i) => ({
        id: i.id,
        title: i.title,
        impact: i.impact,
        status: i.status,
        startedAt: i.startedAt,
        resolvedAt: i.resolvedAt,
        url: i.url,
        components: i.componentIds.map((id) => names.get(id) ?? id),
      })),
      maintenances: [],
    },
    { slug: "claude", name: "Claude", incidents: [], maintenances: [{ ...maintenance }] },
    { slug: "stripe", name: "Stripe", incidents: [], maintenances: [] },
  ],
};

export const noticePreview: NoticeMessage = {
  v: 1,
  type: "channel_disabled",
  channelType: "slack",
  channelName: "#ops-alerts",
  reason: "10 failed deliveries in a row: HTTP 404: no_service",
};
