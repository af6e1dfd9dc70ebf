import { escapeHtml } from "@/lib/feeds/xml";
import { IMPACT_TEXT, INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { FeedIncident } from "@/lib/feeds/types";

/**
 * The HTML body of one incident for RSS and Atom: every vendor string is escaped here, and the
 * whole fragment is XML-escaped again by the caller, so readers never see raw vendor markup.
 */
export function incidentHtml(incident: FeedIncident): string {
  const head = `<p>${escapeHtml(IMPACT_TEXT[incident.impact])}. Status: ${escapeHtml(INCIDENT_STATUS_TEXT[incident.status])}.</p>`;
  const updates = [...incident.updates]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .map(
      (u) =>
        `<p><strong>${escapeHtml(INCIDENT_STATUS_TEXT[u.status])}</strong> (${escapeHtml(u.at)}): ${escapeHtml(u.body).replace(/\r?\n/g, "<br/>")}</p>`,
    );
  return [head, ...updates].join("");
}
