import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/types";

/** The curated vendor catalog shipped in prisma/catalog/vendors.csv (see its SOURCES.md). */
export const CATALOG_PATH = path.resolve("prisma/catalog/vendors.csv");

export interface CatalogVendor {
  name: string;
  slug: string;
  statusPageUrl: string;
  provider: ProviderId | null;
  category: string | null;
}

const AGGREGATOR_WARNING = "third-party outage aggregator";

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ""));
}

/**
 * The catalog names providers in its own vocabulary; map them onto ours. "custom" covers
 * several platforms the `source` column names; "unknown" is left for detection on first poll.
 */
export function catalogProvider(provider: string, source: string): ProviderId | null {
  if (provider === "azure") return "rss";
  if (provider === "custom") {
    if (/statuspal/i.test(source)) return "statuspal";
    if (/adapter=heroku|heroku\.py/i.test(source)) return "heroku";
    return null;
  }
  return (PROVIDER_IDS as readonly string[]).includes(provider) ? (provider as ProviderId) : null;
}

export async function loadCatalog(file = CATALOG_PATH): Promise<CatalogVendor[]> {
  const [header, ...rows] = parseCsv(await readFile(file, "utf8"));
  if (!header) return [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`catalog ${file} has no column "${name}"`);
    return i;
  };
  const [name, slug, url, provider, category, source] = [
    "name",
    "slug",
    "status_page_url",
    "provider",
    "category",
    "source",
  ].map(col) as [number, number, number, number, number, number];
  const byUrl = new Map<string, CatalogVendor>();
  for (const r of rows) {
    const src = r[source] ?? "";
    if (src.includes(AGGREGATOR_WARNING)) continue;
    const vendor: CatalogVendor = {
      name: r[name] ?? "",
      slug: r[slug] ?? "",
      statusPageUrl: r[url] ?? "",
      provider: catalogProvider(r[provider] ?? "", src),
      category: r[category] || null,
    };
    if (!vendor.name || !vendor.slug || !URL.canParse(vendor.statusPageUrl)) continue;
    // Two rows may name one page (Google / Google Workspace): keep the one whose provider is known.
    const existing = byUrl.get(vendor.statusPageUrl);
    if (!existing || (!existing.provider && vendor.provider)) byUrl.set(vendor.statusPageUrl, vendor);
  }
  return [...byUrl.values()];
}
