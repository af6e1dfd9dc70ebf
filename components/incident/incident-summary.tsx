import Link from "next/link";
import { ImpactLabel } from "@/components/incident/impact-label";
import { INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import type { IncidentView } from "@/lib/data/vendor-detail";
import { formatDuration, formatUtc } from "@/lib/text/format";
import { vendorMarkdownToLine } from "@/lib/text/vendor-text";

export const incidentHref = (slug: string, id: string) =>
  `/vendors/${encodeURIComponent(slug)}/incidents/${encodeURIComponent(id)}`;

/** Started, resolved and duration as a definition list; open incidents say "Ongoing". */
export function IncidentTimes({ startedAt, resolvedAt }: { startedAt: string; resolvedAt: string | null }) {
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted-foreground">
      <div className="flex gap-1">
        <dt>Started</dt>
        <dd>
          <time dateTime={startedAt}>{formatUtc(startedAt)}</time>
        </dd>
      </div>
      <div className="flex gap-1">
        <dt>Resolved</dt>
        <dd>{resolvedAt ? <time dateTime={resolvedAt}>{formatUtc(resolvedAt)}</time> : "Not yet"}</dd>
      </div>
      {resolvedAt && (
        <div className="flex gap-1">
          <dt>Duration</dt>
          <dd>{formatDuration(Date.parse(resolvedAt) - Date.parse(startedAt))}</dd>
        </div>
      )}
    </dl>
  );
}

export function IncidentSummary({ slug, incident }: { slug: string; incident: IncidentView }) {
  const latest = incident.updates[0];
  return (
    <li className="space-y-2 px-4 py-3" data-testid="incident-row">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={incidentHref(slug, incident.id)} className="font-medium underline-offset-2 hover:underline">
          {incident.title}
        </Link>
        <ImpactLabel impact={incident.impact} />
        <span className="text-sm">{INCIDENT_STATUS_TEXT[incident.status]}</span>
      </div>
      <IncidentTimes startedAt={incident.startedAt} resolvedAt={incident.resolvedAt} />
      {latest && (
        <p className="line-clamp-2 text-sm text-muted-foreground">
          Latest update ({INCIDENT_STATUS_TEXT[latest.status]}): {vendorMarkdownToLine(latest.body, 280)}
        </p>
      )}
    </li>
  );
}
