import { escapeXml } from "@/lib/feeds/xml";
import type { Status } from "@/lib/domain/vocabulary";

const BADGE_TEXT: Record<Status, string> = {
  operational: "operational",
  degraded: "degraded",
  partial_outage: "partial outage",
  major_outage: "major outage",
  maintenance: "maintenance",
  unknown: "unknown",
};

// Fixed hex colours: the SVG is embedded on other sites, where our CSS variables do not exist.
// Each pairs with white text at a contrast ratio of at least 4.5:1.
export const STATUS_HEX: Record<Status, string> = {
  operational: "#1a7f37",
  degraded: "#8a6100",
  partial_outage: "#b35900",
  major_outage: "#c62828",
  maintenance: "#1f5fbf",
  unknown: "#5f6368",
};

/** Rough Verdana 11px advance widths: good enough to size a badge without a font engine. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[ilI.,:;'|!]/.test(ch) ? 3.5 : /[mwMW@]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 7.5 : 6.5;
  return Math.ceil(w);
}

/** A shields-style badge: vendor name on the left, status in words on the right. */
export function buildBadge({ name, status, stale = false }: { name: string; status: Status; stale?: boolean }): string {
  const label = name.length > 40 ? `${name.slice(0, 39)}…` : name;
  const value = stale ? "not checked" : BADGE_TEXT[status];
  const color = stale ? STATUS_HEX.unknown : STATUS_HEX[status];
  const lw = textWidth(label) + 12;
  const vw = textWidth(value) + 12;
  const total = lw + vw;
  const title = escapeXml(`${name}: ${value}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" viewBox="0 0 ${total} 20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${lw}" height="20" rx="3" fill="#3d3d3d"/>`,
    `<rect x="${lw}" width="${vw}" height="20" rx="3" fill="${color}"/>`,
    `<rect x="${lw}" width="4" height="20" fill="${color}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${lw / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${lw + vw / 2}" y="14">${escapeXml(value)}</text>`,
    "</g>",
    "</svg>",
  ].join("");
}
