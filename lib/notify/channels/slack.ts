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
import { vendorMarkdownToText } from "@/lib/text/vendor-text";
import { type ChannelModule, classifyHttp } from "@/lib/notify/channels/types";

/**
 * Slack incoming webhooks with Block Kit. Vendor text is escaped (Slack reads <, > and & as markup,
 * and `<!channel>` would ping everyone); dates use Slack's own date token, which each reader sees in
 * their zone. Limits: 50 blocks, 3,000 characters a section, 150 a header.
 */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const date = (iso: string) => {
  const unix = Math.floor(new Date(iso).getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC>`;
};
const link = (url: string | null, text: string) => (url ? `<${url}|${esc(text)}>` : `*${esc(text)}*`);

type Block = Record<string, unknown>;
const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: cut(text, 2900) } });

function alertBlocks(m: AlertMessage): Block[] {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: cut(alertSubject(m), 150), emoji: false } },
  ];
  for (const i of m.incidents) {
    const facts = [INCIDENT_EVENT_LABEL[i.event], INCIDENT_STATUS_TEXT[i.status], IMPACT_TEXT[i.impact]];
    if (i.components.length) facts.push(esc(i.components.join(", ")));
    const updates = i.updates
      .slice(0, 3)
      .map(
        (u) => `>${esc(cut(vendorMarkdownToText(u.body), 900))}\n>_${INCIDENT_STATUS_TEXT[u.status]}, ${date(u.at)}_`,
      );
    const title = link(incidentUrl(m.vendor.slug, i.id), plainTitle(i.title));
    blocks.push(section([`*${title}*`, facts.join(" · "), ...updates].join("\n")));
  }
  if (m.components.length) {
    const lines = m.components.map((c) => `• *${esc(c.name)}*: ${componentChange(c)}`);
    blocks.push(section(lines.join("\n")));
  }
  for (const mt of m.maintenances) {
    const when = mt.scheduledFor
      ? ` · ${date(mt.scheduledFor)}${mt.scheduledUntil ? ` to ${date(mt.scheduledUntil)}` : ""}`
      : "";
    blocks.push(section(`*${esc(plainTitle(mt.title))}*\n${MAINTENANCE_EVENT_LABEL[mt.event]}${when}`));
  }
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `${link(vendorUrl(m.vendor.slug), `${m.vendor.name} on Vendorwatch`)} · seen ${date(m.detectedAt)}`,
      },
    ],
  });
  return blocks.slice(0, 50);
}

export const slack: ChannelModule = {
  build(content) {
    if (content.kind === "test") {
      const text = `Vendorwatch test message for ${content.message.type === "test" ? content.message.channelName : "this channel"}: alerts will arrive here.`;
      return { body: JSON.stringify({ text, blocks: [section(`:white_check_mark: ${esc(text)}`)] }), headers: {} };
    }
    const m = content.message;
    return { body: JSON.stringify({ text: alertSubject(m), blocks: alertBlocks(m) }), headers: {} };
  },
  classify: classifyHttp,
};
