import { Heading, Link, Section, Text } from "@react-email/components";
import { IMPACT_TEXT, MAINTENANCE_STATUS_TEXT } from "@/lib/domain/vocabulary";
import { EmailLayout, palette, s } from "@/lib/email/templates/layout";
import { formatLocal, maintenanceWindow, plainTitle } from "@/lib/notify/format";
import type { DigestMessage } from "@/lib/notify/message";
import { formatDuration } from "@/lib/text/format";

export interface DigestEmailProps {
  digest: DigestMessage;
  incidentUrl: (slug: string, id: string) => string;
  vendorUrl: (slug: string) => string;
  preferencesUrl: string;
}

export function digestCounts(d: DigestMessage) {
  const incidents = d.vendors.reduce((n, v) => n + v.incidents.length, 0);
  const maintenances = d.vendors.reduce((n, v) => n + v.maintenances.length, 0);
  return { incidents, maintenances };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function digestSummary(d: DigestMessage): string {
  const { incidents, maintenances } = digestCounts(d);
  if (!incidents && !maintenances) return "Nothing happened at your vendors";
  const parts = [
    incidents ? plural(incidents, "incident") : "",
    maintenances ? plural(maintenances, "maintenance") : "",
  ];
  return `${parts.filter(Boolean).join(" and ")} at ${plural(d.vendors.filter((v) => v.incidents.length || v.maintenances.length).length, "vendor")}`;
}

/** A daily or weekly digest: every incident and maintenance of the user's vendors in the period. */
export default function DigestEmail(p: DigestEmailProps) {
  const d = p.digest;
  const tz = d.timeZone;
  const active = d.vendors.filter((v) => v.incidents.length || v.maintenances.length);
  const quiet = d.vendors.filter((v) => !v.incidents.length && !v.maintenances.length);
  const summary = digestSummary(d);
  return (
    <EmailLayout
      preview={summary}
      preferencesUrl={p.preferencesUrl}
      unsubscribe={{ url: p.preferencesUrl, label: "Change or stop digests" }}
      footer={
        <>
          Your {d.frequency} digest from {formatLocal(d.periodStart, tz)} to {formatLocal(d.periodEnd, tz)}. Times are
          in {tz}.
        </>
      }
    >
      <Text style={{ ...s.small, fontWeight: 600 }}>{d.frequency === "daily" ? "Daily digest" : "Weekly digest"}</Text>
      <Heading as="h1" style={s.h1}>
        {summary}
      </Heading>
      <Text style={{ ...s.p, color: palette.muted }}>
        {formatLocal(d.periodStart, tz)} to {formatLocal(d.periodEnd, tz)}
      </Text>
      {active.length === 0 ? (
        <Text style={s.p}>
          All quiet: none of the {plural(d.vendors.length, "vendor")} you follow reported a problem.
        </Text>
      ) : null}
      {active.map((v) => (
        <Section key={v.slug} style={{ margin: "16px 0 0" }}>
          <Heading as="h2" style={s.h2}>
            <Link href={p.vendorUrl(v.slug)} style={{ ...s.link, color: palette.text }}>
              {v.name}
            </Link>
          </Heading>
          {v.incidents.map((i) => (
            <Text key={i.id} style={{ ...s.p, margin: "0 0 6px" }}>
              <Link href={p.incidentUrl(v.slug, i.id)} style={s.link}>
                {plainTitle(i.title)}
              </Link>
              <br />
              <span style={{ color: palette.muted, fontSize: "13px" }}>
                {IMPACT_TEXT[i.impact]} · {formatLocal(i.startedAt, tz)} ·{" "}
                {i.resolvedAt
                  ? `resolved after ${formatDuration(new Date(i.resolvedAt).getTime() - new Date(i.startedAt).getTime())}`
                  : "still open"}
                {i.components.length ? ` · ${i.components.join(", ")}` : ""}
              </span>
            </Text>
          ))}
          {v.maintenances.map((m) => (
            <Text key={m.id} style={{ ...s.p, margin: "0 0 6px" }}>
              Maintenance: {plainTitle(m.title)}
              <br />
              <span style={{ color: palette.muted, fontSize: "13px" }}>
                {MAINTENANCE_STATUS_TEXT[m.status]} · {maintenanceWindow(m, tz)}
              </span>
            </Text>
          ))}
        </Section>
      ))}
      {active.length > 0 && quiet.length > 0 ? (
        <Text style={{ ...s.p, marginTop: "16px", color: palette.muted }}>
          Nothing to report from {quiet.map((v) => v.name).join(", ")}.
        </Text>
      ) : null}
    </EmailLayout>
  );
}
