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
 * Microsoft Teams through a Workflows "post to a channel when a webhook request is received" flow
 * (the Office 365 connectors are retired): a message with one Adaptive Card 1.5. Cards are kept
 * small (Teams refuses messages over 28 KB); dates use the card's DATE/TIME functions, which Teams
 * renders in the reader's zone. A 2xx means the flow started, not that it posted.
 */
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
// TextBlocks read a little Markdown: escape what vendor text could use to format or link.
const md = (s: string) => s.replace(/([\\*_[\]()#`>-])/g, "\\$1");
const when = (iso: string) => {
  const z = new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `{{DATE(${z}, SHORT)}} {{TIME(${z})}}`;
};

type Element = Record<string, unknown>;
const text = (t: string, extra: Element = {}): Element => ({ type: "TextBlock", text: t, wrap: true, ...extra });

function body(m: AlertMessage): Element[] {
  const out: Element[] = [text(md(alertSubject(m)), { weight: "Bolder", size: "Medium" })];
  for (const i of m.incidents.slice(0, 5)) {
    out.push({
      type: "Container",
      separator: true,
      items: [
        text(`[${md(plainTitle(i.title))}](${incidentUrl(m.vendor.slug, i.id)})`, { weight: "Bolder" }),
        {
          type: "FactSet",
          facts: [
            { title: "Event", value: INCIDENT_EVENT_LABEL[i.event] },
            { title: "Status", value: INCIDENT_STATUS_TEXT[i.status] },
            { title: "Impact", value: IMPACT_TEXT[i.impact] },
            ...(i.components.length ? [{ title: "Components", value: md(cut(i.components.join(", "), 300)) }] : []),
          ],
        },
        ...i.updates
          .slice(0, 2)
          .map((u) => text(`${md(cut(vendorMarkdownToText(u.body), 800))} (${when(u.at)})`, { isSubtle: true })),
      ],
    });
  }
  if (m.components.length)
    out.push({
      type: "FactSet",
      separator: true,
      facts: m.components.slice(0, 10).map((c) => ({ title: md(c.name), value: componentChange(c) })),
    });
  for (const mt of m.maintenances.slice(0, 5)) {
    const window = mt.scheduledFor ? when(mt.scheduledFor) : "time not announced";
    out.push(
      text(`**${MAINTENANCE_EVENT_LABEL[mt.event]}**: ${md(plainTitle(mt.title))}, ${window}`, { separator: true }),
    );
  }
  return out;
}

const card = (elements: Element[], url: string) => ({
  type: "message",
  attachments: [
    {
      contentType: "application/vnd.microsoft.card.adaptive",
      contentUrl: null,
      content: {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: "1.5",
        body: elements,
        actions: [{ type: "Action.OpenUrl", title: "Open in Vendorwatch", url }],
      },
    },
  ],
});

export const teams: ChannelModule = {
  build(content) {
    if (content.kind === "test") {
      const name = content.message.type === "test" ? content.message.channelName : "this channel";
      return {
        body: JSON.stringify(
          card([text(`Vendorwatch test message for ${md(name)}: alerts will arrive here.`)], vendorUrl("")),
        ),
        headers: {},
      };
    }
    const m = content.message;
    return { body: JSON.stringify(card(body(m), vendorUrl(m.vendor.slug))), headers: {} };
  },
  classify: classifyHttp,
};
