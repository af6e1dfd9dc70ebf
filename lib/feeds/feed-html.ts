import { escapeHtml } from "@/lib/feeds/xml";
import { IMPACT_TEXT, INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { FeedIncident } from "@/lib/feeds/types";
import { vendorMarkdownToText } from "@/lib/text/vendor-text";

/**
 * The HTML body of one incident for RSS and Atom. Update bodies are vendor Markdown, reduced to
 * plain text by the same parse the pages use (no vendor markup survives); every vendor string is
 * then HTML-escaped here, and the whole fragment is XML-escaped again by the caller.
 */
export function incidentHtml(incident: FeedIncident): string {
  const head = `<p>${escapeHtml(IMPACT_TEXT[incident.impact])}. Status: ${escapeHtml(INCIDENT_STATUS_TEXT[incident.status])}.</p>`;
  const updates = [...incident.updates]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .map(
      (u) =>
        `<p><strong>${escapeHtml(INCIDENT_STATUS_TEXT[u.status])}</strong> (${escapeHtml(u.at)}): ${escapeHtml(vendorMarkdownToText(u.body)).replace(/\n/g, "<br/>")}</p>`,
    );
  return [head, ...updates].join("");
}
