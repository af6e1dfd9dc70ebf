import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";

/** Names, slugs and the one spelling of a status page URL, for vendors added by URL. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** "https://status.chargeover.com/" -> "Chargeover": a fair default until the user names it. */
export function nameFromUrl(url: URL): string {
  const labels = url.hostname.replace(/^(www|status|stats)\./, "").split(".");
  const core = labels.length > 1 ? labels.slice(0, -1).join(" ") : (labels[0] ?? url.hostname);
  return core.replace(/[-_]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
}

/** One spelling per page, so a trailing slash or a fragment does not make a second vendor. */
export function normaliseStatusUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new UserError(`not a URL: ${raw}`, 2);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new UserError(`only http(s) status pages can be monitored: ${raw}`, 2);
  u.hash = "";
  u.hostname = u.hostname.toLowerCase();
  const text = u.toString();
  return u.pathname === "/" && !u.search ? text.replace(/\/$/, "") : text.replace(/\/+$/, "");
}

export async function freeSlug(wanted: string | undefined, name: string): Promise<string> {
  if (wanted) {
    if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(wanted))
      throw new UserError(`invalid slug "${wanted}": use lower-case letters, digits and dashes`, 2);
    const taken = await db.vendor.findUnique({ where: { slug: wanted }, select: { name: true } });
    if (taken) throw new UserError(`slug "${wanted}" is taken by ${taken.name}`);
    return wanted;
  }
  const base = slugify(name) || "vendor";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await db.vendor.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}
