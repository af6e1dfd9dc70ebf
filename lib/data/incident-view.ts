import type { IncidentView } from "@/lib/domain/views";
import type { Impact, IncidentStatus } from "@/lib/domain/vocabulary";

interface IncidentRow {
  providerId: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  startedAt: Date;
  resolvedAt: Date | null;
  url: string | null;
  updates: Array<{ status: IncidentStatus; body: string; at: Date }>;
}

/** An incident row as the public view shows it, updates in the order the query gave them. */
export function toIncidentView(row: IncidentRow): Omit<IncidentView, "componentIds"> {
  return {
    id: row.providerId,
    title: row.title,
    status: row.status,
    impact: row.impact,
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    url: row.url,
    updates: row.updates.map((u) => ({ status: u.status, body: u.body, at: u.at.toISOString() })),
  };
}
