import { normaliseStatusUrl, slugify } from "@/lib/cli/vendors-add";
import { UserError } from "@/lib/errors";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/types";
import { parseCsvRecords } from "./csv";

/**
 * The catalog format, shared by `vendors import`, `vendors export` and the seed: the columns
 * `name, slug, status_page_url, provider, category`, as CSV or as a JSON array of such objects.
 * Optional columns: `logo_url` (the vendor's own logo or favicon) and `source` (where the row came
 * from; it marks third-party aggregators and names the platform behind `custom`).
 */
export const CATALOG_COLUMNS = ["name", "slug", "status_page_url", "provider", "category"] as const;

export interface CatalogEntry {
  /** CSV line number, or 1-based position in a JSON array. */
  row: number;
  name: string;
  slug: string;
  statusPageUrl: string;
  /** null: unknown, detected on first poll. */
  provider: ProviderId | null;
  category: string | null;
  logoUrl: string | null;
}

export interface RowProblem {
  row: number;
  slug: string | null;
  reason: string;
}

export interface ParsedCatalog {
  rows: number;
  entries: CatalogEntry[];
  invalid: RowProblem[];
  /** Rows naming a status page an earlier row already names. */
  duplicates: RowProblem[];
}

type RawRow = { row: number; values: Record<string, unknown> };

/** Outage aggregators, not vendors' own pages: monitoring them tells us nothing first-hand. */
const AGGREGATOR_HOSTS =
  /(^|\.)(isitdownrightnow\.com|issitedownrightnow\.com|statusgator\.com|updownradar\.com|saashub\.com|downdetector\.[a-z.]+)$/;
const AGGREGATOR_SOURCE = /third-party outage aggregator/i;
const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * Our provider ids, plus the shared catalog's own words: `unknown` (detect it), `azure` (an RSS
 * feed), `custom` (a platform the `source` column names: Statuspal and Heroku are ours).
 */
export function catalogProvider(provider: string, source = ""): ProviderId | null | undefined {
  const p = provider.trim().toLowerCase();
  if (p === "" || p === "unknown") return null;
  if (p === "azure") return "rss";
  if (p === "custom") {
    if (/statuspal/i.test(source)) return "statuspal";
    if (/adapter=heroku|heroku\.py/i.test(source)) return "heroku";
    return null;
  }
  return (PROVIDER_IDS as readonly string[]).includes(p) ? (p as ProviderId) : undefined;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

function validate(raw: RawRow): CatalogEntry | RowProblem {
  const v = raw.values;
  const name = text(v.name);
  const givenSlug = text(v.slug);
  const slugForError = givenSlug || (name ? slugify(name) : "") || null;
  const problem = (reason: string): RowProblem => ({ row: raw.row, slug: slugForError, reason });
  for (const key of [...CATALOG_COLUMNS, "logo_url", "source"]) {
    const value = v[key];
    if (value !== undefined && value !== null && typeof value !== "string" && typeof value !== "number")
      return problem(`${key} must be text`);
  }
  if (!name) return problem("name is empty");
  if (name.length > 200) return problem("name is longer than 200 characters");
  const rawUrl = text(v.status_page_url);
  if (!rawUrl) return problem("status_page_url is empty");
  let statusPageUrl: string;
  try {
    statusPageUrl = normaliseStatusUrl(rawUrl);
  } catch (error) {
    return problem(error instanceof Error ? error.message : `not a URL: ${rawUrl}`);
  }
  const source = text(v.source);
  if (AGGREGATOR_SOURCE.test(source) || AGGREGATOR_HOSTS.test(new URL(statusPageUrl).hostname))
    return problem(`${statusPageUrl} is a third-party outage aggregator, not the vendor's own status page`);
  const slug = givenSlug || slugify(name);
  if (!SLUG.test(slug)) return problem(`invalid slug "${slug}": use lower-case letters, digits and dashes`);
  const provider = catalogProvider(text(v.provider), source);
  if (provider === undefined)
    return problem(`unknown provider "${text(v.provider)}": one of ${PROVIDER_IDS.join(", ")} or unknown`);
  const category = text(v.category) || null;
  if (category && category.length > 100) return problem("category is longer than 100 characters");
  const logo = text(v.logo_url) || null;
  if (logo && !(URL.canParse(logo) && new URL(logo).protocol === "https:"))
    return problem(`logo_url must be an https:// URL: ${logo}`);
  return { row: raw.row, name, slug, statusPageUrl, provider, category, logoUrl: logo };
}

function rawRows(textIn: string, format: "csv" | "json", file: string): RawRow[] {
  if (format === "json") {
    let data: unknown;
    try {
      data = JSON.parse(textIn);
    } catch (error) {
      throw new UserError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 2);
    }
    if (!Array.isArray(data)) throw new UserError(`${file} must hold a JSON array of vendor objects`, 2);
    return data.map((item: unknown, i) => ({
      row: i + 1,
      values: item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
    }));
  }
  const [header, ...records] = parseCsvRecords(textIn);
  if (!header) throw new UserError(`${file} is empty`, 2);
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  for (const required of ["name", "status_page_url"])
    if (!columns.includes(required))
      throw new UserError(`${file} has no "${required}" column (expected ${CATALOG_COLUMNS.join(", ")})`, 2);
  return records.map((r) => ({
    row: r.line,
    values: Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? ""])),
  }));
}

/**
 * Parses and validates a catalog file's text. Every row lands in exactly one of `entries`,
 * `invalid` or `duplicates`. Two rows naming one page keep the one with a known provider (the
 * shared catalog lists Google Workspace's dashboard twice); a slug used twice is an error.
 */
export function parseCatalog(textIn: string, format: "csv" | "json", file = "the file"): ParsedCatalog {
  const raws = rawRows(textIn, format, file);
  const invalid: RowProblem[] = [];
  const duplicates: RowProblem[] = [];
  const byUrl = new Map<string, CatalogEntry>();
  const bySlug = new Map<string, CatalogEntry>();
  for (const raw of raws) {
    const result = validate(raw);
    if (!("statusPageUrl" in result)) {
      invalid.push(result);
      continue;
    }
    const sameSlug = bySlug.get(result.slug);
    if (sameSlug && sameSlug.statusPageUrl !== result.statusPageUrl) {
      invalid.push({
        row: result.row,
        slug: result.slug,
        reason: `slug "${result.slug}" is used by row ${sameSlug.row}`,
      });
      continue;
    }
    const earlier = byUrl.get(result.statusPageUrl);
    if (!earlier) {
      byUrl.set(result.statusPageUrl, result);
      bySlug.set(result.slug, result);
      continue;
    }
    const [keep, drop] = !earlier.provider && result.provider ? [result, earlier] : [earlier, result];
    byUrl.set(keep.statusPageUrl, keep);
    if (keep !== earlier) {
      bySlug.delete(earlier.slug);
      bySlug.set(keep.slug, keep);
    }
    duplicates.push({ row: drop.row, slug: drop.slug, reason: `same status page as row ${keep.row} (${keep.slug})` });
  }
  const entries = [...byUrl.values()].sort((a, b) => a.row - b.row);
  return { rows: raws.length, entries, invalid, duplicates };
}

/** `.csv` or `.json` by extension, else by the first character. */
export function catalogFormat(file: string, content: string): "csv" | "json" {
  if (/\.json$/i.test(file)) return "json";
  if (/\.csv$/i.test(file)) return "csv";
  return content.trimStart().startsWith("[") ? "json" : "csv";
}
