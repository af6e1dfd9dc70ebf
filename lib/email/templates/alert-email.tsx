import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { VendorMarkdown } from "@/lib/text/vendor-markdown";
import { IMPACT_TEXT, INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import { EmailLayout, palette, s } from "@/lib/email/templates/layout";
import {
  INCIDENT_EVENT_LABEL,
  MAINTENANCE_EVENT_LABEL,
  componentChange,
  formatLocal,
  maintenanceWindow,
  plainTitle,
} from "@/lib/notify/format";
import type { AlertIncident, AlertMessage } from "@/lib/notify/message";
import { vendorMarkdownToLine } from "@/lib/text/vendor-text";

export interface AlertEmailProps {
  message: AlertMessage;
  timeZone: string;
  /** The app's pages for the vendor and an incident. */
  vendorUrl: string;
  incidentUrl: (id: string) => string;
  preferencesUrl: string;
  stopUrl: string;
}

const impactColor = (i: AlertIncident) =>
  i.event === "resolved" || i.event === "postmortem"
    ? palette.ok
    : ({ none: palette.muted, minor: palette.minor, major: palette.major, critical: palette.critical } as const)[
        i.impact
      ];

function Incident({ i, p }: { i: AlertIncident; p: AlertEmailProps }) {
  return (
    <Section style={{ margin: "0 0 20px" }}>
      <Text style={{ ...s.small, color: impactColor(i), fontWeight: 700, textTransform: "uppercase" }}>
        {INCIDENT_EVENT_LABEL[i.event]} · {IMPACT_TEXT[i.impact]}
      </Text>
      <Heading as="h1" style={s.h1}>
        {plainTitle(i.title)}
      </Heading>
      <Text style={{ ...s.p, color: palette.muted }}>
        {INCIDENT_STATUS_TEXT[i.status]} · started {formatLocal(i.startedAt, p.timeZone)}
        {i.resolvedAt ? ` · resolved ${formatLocal(i.resolvedAt, p.timeZone)}` : ""}
        {i.components.length ? ` · affects ${i.components.join(", ")}` : ""}
      </Text>
      {i.updates.map((u) => (
        <Section key={`${u.at}-${u.status}`} style={s.quote}>
          <Text style={{ ...s.small, fontWeight: 600 }}>
            {INCIDENT_STATUS_TEXT[u.status]} · {formatLocal(u.at, p.timeZone)}
          </Text>
          <VendorMarkdown text={u.body} />
        </Section>
      ))}
      <Text style={{ ...s.p, marginTop: "12px" }}>
        <Button href={p.incidentUrl(i.id)} style={s.button}>
          View incident
        </Button>
        {i.url ? (
          <>
            {"  "}
            <Link href={i.url} style={{ ...s.link, fontSize: "13px", marginLeft: "12px" }}>
              {p.message.vendor.name}&apos;s status page
            </Link>
          </>
        ) : null}
      </Text>
    </Section>
  );
}

/** An instant alert: what one poll found at one vendor, as the subscriber asked to hear it. */
export default function AlertEmail(p: AlertEmailProps) {
  const m = p.message;
  const latest = m.incidents[0]?.updates[0]?.body;
  const preview = latest ? vendorMarkdownToLine(latest, 140) : `What changed at ${m.vendor.name}`;
  return (
    <EmailLayout
      preview={preview}
      preferencesUrl={p.preferencesUrl}
      unsubscribe={{ url: p.stopUrl, label: `Stop emails about ${m.vendor.name}` }}
      footer={
        <>
          You follow{" "}
          <Link href={p.vendorUrl} style={{ ...s.link, color: palette.muted }}>
            {m.vendor.name}
          </Link>{" "}
          on Vendorwatch. Seen {formatLocal(m.detectedAt, p.timeZone)}; times are in {p.timeZone}.
        </>
      }
    >
      <Text style={{ ...s.small, fontWeight: 600 }}>{m.vendor.name}</Text>
      {m.incidents.map((i) => (
        <Incident key={i.id} i={i} p={p} />
      ))}
      {m.components.length ? (
        <Section style={{ margin: "0 0 20px" }}>
          <Heading as="h2" style={s.h2}>
            Components
          </Heading>
          {m.components.map((c) => (
            <Text key={c.id} style={{ ...s.p, margin: "0 0 2px" }}>
              <strong>{c.name}</strong>: {componentChange(c)}
            </Text>
          ))}
        </Section>
      ) : null}
      {m.maintenances.map((mt) => (
        <Section key={`${mt.id}-${mt.event}`} style={{ margin: "0 0 20px" }}>
          <Text style={{ ...s.small, color: palette.info, fontWeight: 700, textTransform: "uppercase" }}>
            {MAINTENANCE_EVENT_LABEL[mt.event]}
          </Text>
          <Heading as="h1" style={s.h1}>
            {plainTitle(mt.title)}
          </Heading>
          <Text style={{ ...s.p, color: palette.muted }}>
            {maintenanceWindow(mt, p.timeZone)}
            {mt.components.length ? ` · affects ${mt.components.join(", ")}` : ""}
          </Text>
        </Section>
      ))}
      <Text style={s.p}>
        <Link href={p.vendorUrl} style={s.link}>
          {m.vendor.name} on Vendorwatch
        </Link>
      </Text>
    </EmailLayout>
  );
}
