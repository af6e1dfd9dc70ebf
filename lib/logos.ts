/**
 * Vendor logos: the vendor's own logo or favicon when we know it (from the catalog's `logo_url`,
 * or found on its status page by `vendors verify`), otherwise an initials avatar generated from
 * its name, with a colour that is stable per name.
 */

/** Up to two initials from the vendor's own name. */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ""}${words[1]?.[0] ?? ""}` : (words[0] ?? "?").slice(0, 1);
  return letters.toUpperCase() || "?";
}

/** A hue from the name; saturation and lightness fixed so white text always reads (contrast of 4.5 or more). */
export function avatarHue(name: string): number {
  // FNV-1a: tiny, stable, and usable in the browser bundle too.
  let h = 0x811c9dc5;
  for (const ch of name.toLowerCase()) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h % 360;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** A square SVG avatar with the vendor's initials. */
export function initialsAvatarSvg(name: string, size = 64): string {
  const text = escapeXml(initials(name));
  const fontSize = Math.round(size * (text.length > 1 ? 0.4 : 0.5));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="${size}" height="${size}" rx="${Math.round(size / 6)}" fill="hsl(${avatarHue(name)} 55% 30%)"/>` +
    `<text x="50%" y="50%" dy=".35em" text-anchor="middle" fill="#fff" font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif" font-weight="600" font-size="${fontSize}">${text}</text>` +
    `</svg>`
  );
}

const LINK = /<link\b[^>]*>/gi;
const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(1).find(Boolean) ?? null;

/**
 * The best icon a page declares: an apple-touch-icon (large, square), else the largest `icon`,
 * else a `shortcut icon`. Only https URLs are kept (pages show them; mixed content would not load).
 */
export function findLogo(html: string, pageUrl: string): string | null {
  const candidates: Array<{ href: string; score: number }> = [];
  for (const tag of html.match(LINK) ?? []) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (!href || !rel.some((r) => r === "icon" || r === "apple-touch-icon" || r === "apple-touch-icon-precomposed"))
      continue;
    let url: URL;
    try {
      url = new URL(href.replace(/&amp;/g, "&"), pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== "https:") continue;
    const size = Number(/(\d+)x\d+/.exec(attr(tag, "sizes") ?? "")?.[1] ?? 0);
    const touch = rel.some((r) => r.startsWith("apple-touch-icon"));
    candidates.push({ href: url.href, score: (touch ? 1000 : 0) + (size || (rel.includes("shortcut") ? 1 : 16)) });
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0]?.href ?? null;
}
