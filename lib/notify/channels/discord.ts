import { IMPACT_TEXT, INCIDENT_STATUS_TEXT } from "@/lib/domain/vocabulary";
import {
  INCIDENT_EVENT_LABEL,
  MAINTENANCE_EVENT_LABEL,
  alertSubject,
  componentChange,
  plainTitle,
} from "@/lib/notify/format";
import { incidentUrl, vendorUrl } from "@/lib/notify/links";
import type { AlertMessage } from "@/lib/notify/message";
import type { PostResult } from "@/lib/notify/http";
import { vendorMarkdownToText } from "@/lib/text/vendor-text";
import { type ChannelModule, classifyHttp } from "@/lib/notify/channels/types";

/**
 * Discord webhooks with embeds. Mentions are disabled (vendor text cannot ping @everyone), and the
 * documented limits hold: 10 embeds, 256-character titles, 4,096-character descriptions, 25
 * fields, 6,000 characters across all embeds. Timestamps use Discord's <t:unix> token.
 */
const COLOR = { none: 0x6b7280, minor: 0xeab308, major: 0xf97316, critical: 0xdc2626, ok: 0x16a34a, info: 0x3b82f6 };
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const t = (iso: string) => `<t:${Math.floor(new Date(iso).getTime() / 1000)}:f>`;
// Discord renders Markdown: neutralise it in vendor text so nothing formats or links by surprise.
const md = (s: string) => s.replace(/([\\*_`~|>[\]()#-])/g, "\\$1");

interface Embed {
  title: string;
  url?: string;
  description?: string;
  color: number;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  timestamp?: string;
  footer?: { text: string };
}

function embeds(m: AlertMessage): Embed[] {
  const out: Embed[] = [];
  for (const i of m.incidents.slice(0, 8)) {
    const resolved = i.event === "resolved" || i.event === "postmortem";
    out.push({
      title: cut(`${INCIDENT_EVENT_LABEL[i.event]}: ${plainTitle(i.title)}`, 256),
      url: incidentUrl(m.vendor.slug, i.id),
      description: cut(
        i.updates
          .map((u) => `**${INCIDENT_STATUS_TEXT[u.status]}** (${t(u.at)}): ${md(vendorMarkdownToText(u.body))}`)
          .join("\n\n"),
        1500,
      ),
      color: resolved ? COLOR.ok : COLOR[i.impact],
      fields: [
        { name: "Status", value: INCIDENT_STATUS_TEXT[i.status], inline: true },
        { name: "Impact", value: IMPACT_TEXT[i.impact], inline: true },
        ...(i.components.length ? [{ name: "Components", value: cut(md(i.components.join(", ")), 1024) }] : []),
      ],
      timestamp: i.updates[0]?.at ?? m.detectedAt,
    });
  }
  if (m.components.length)
    out.push({
      title: "Components",
      description: cut(m.components.map((c) => `**${md(c.name)}**: ${componentChange(c)}`).join("\n"), 1500),
      color: m.components.every((c) => c.to === "operational") ? COLOR.ok : COLOR.major,
    });
  for (const mt of m.maintenances.slice(0, 10 - out.length - 1)) {
    const when = mt.scheduledFor
      ? `${t(mt.scheduledFor)}${mt.scheduledUntil ? ` to ${t(mt.scheduledUntil)}` : ""}`
      : "Time not announced";
    out.push({
      title: cut(`${MAINTENANCE_EVENT_LABEL[mt.event]}: ${plainTitle(mt.title)}`, 256),
      description: when,
      color: COLOR.info,
    });
  }
  const last = out.at(-1);
  if (last) last.footer = { text: `${m.vendor.name} · Vendorwatch` };
  return out.slice(0, 10);
}

export const discord: ChannelModule = {
  build(content) {
    const base = { username: "Vendorwatch", allowed_mentions: { parse: [] as string[] } };
    if (content.kind === "test") {
      const name = content.message.type === "test" ? content.message.channelName : "this channel";
      return {
        body: JSON.stringify({
          ...base,
          content: `Vendorwatch test message for ${md(name)}: alerts will arrive here.`,
        }),
        headers: {},
      };
    }
    const m = content.message;
    return {
      body: JSON.stringify({
        ...base,
        content: cut(`${md(alertSubject(m))}\n<${vendorUrl(m.vendor.slug)}>`, 2000),
        embeds: embeds(m),
      }),
      headers: {},
    };
  },
  classify(r: PostResult) {
    const outcome = classifyHttp(r);
    if (r.status === 429) {
      // Discord puts the wait (seconds, fractional) in the JSON body as well as the header.
      try {
        const wait = Number((JSON.parse(r.body) as { retry_after?: number }).retry_after);
        if (Number.isFinite(wait)) return { ...outcome, retryAfterMs: Math.ceil(wait * 1000) };
      } catch {
        // the header, if any, already counted
      }
    }
    return outcome;
  },
};
