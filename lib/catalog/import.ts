import { normaliseStatusUrl } from "@/lib/cli/vendors-add";
import { db } from "@/lib/db";
import { forgetMovedPages } from "@/lib/monitor/poll-state";
import type { CatalogEntry, ParsedCatalog, RowProblem } from "./entries";

/** The `--json` shape of `vendors import`: exactly these keys. `errors` lists the invalid rows. */
export interface ImportCounts {
  added: number;
  updated: number;
  skipped: number;
  invalid: number;
  errors: RowProblem[];
}

export interface ImportReport extends ImportCounts {
  /** Skipped rows with a reason worth reading (not merely "unchanged"). */
  notes: RowProblem[];
  /** Distinct valid vendors in the file. */
  total: number;
}

type Existing = {
  id: string;
  slug: string;
  name: string;
  statusPageUrl: string;
  provider: string | null;
  category: string | null;
  logoUrl: string | null;
  userAdded: boolean;
};

interface Update {
  id: string;
  name: string;
  statusPageUrl: string;
  provider: string | null;
  category: string | null;
  logoUrl: string | null;
  urlChanged: boolean;
}

const CHUNK = 500;

const normalised = (url: string) => {
  try {
    return normaliseStatusUrl(url);
  } catch {
    return url;
  }
};

/** Decides, without writing, what each entry does to the vendors we have. */
function plan(entries: CatalogEntry[], existing: Existing[]) {
  const bySlug = new Map(existing.map((v) => [v.slug, v]));
  const byUrl = new Map(existing.map((v) => [normalised(v.statusPageUrl), v]));
  const adds: CatalogEntry[] = [];
  const updates: Update[] = [];
  const invalid: RowProblem[] = [];
  const notes: RowProblem[] = [];
  let unchanged = 0;
  for (const e of entries) {
    const current = bySlug.get(e.slug);
    const owner = byUrl.get(e.statusPageUrl);
    if (!current) {
      if (owner) notes.push({ row: e.row, slug: e.slug, reason: `status page already monitored as "${owner.slug}"` });
      else adds.push(e);
      continue;
    }
    if (owner && owner.id !== current.id) {
      invalid.push({ row: e.row, slug: e.slug, reason: `${e.statusPageUrl} is already monitored as "${owner.slug}"` });
      continue;
    }
    const urlChanged = normalised(current.statusPageUrl) !== e.statusPageUrl;
    if (urlChanged && current.userAdded) {
      invalid.push({
        row: e.row,
        slug: e.slug,
        reason: `"${e.slug}" is a vendor a user added for ${current.statusPageUrl}; its page is not changed by an import`,
      });
      continue;
    }
    // A provider we detected (or an operator chose) outranks the file, unless the page itself moved.
    const next: Update = {
      id: current.id,
      name: e.name,
      statusPageUrl: urlChanged ? e.statusPageUrl : current.statusPageUrl,
      provider: urlChanged ? e.provider : (current.provider ?? e.provider),
      category: e.category,
      logoUrl: e.logoUrl ?? current.logoUrl,
      urlChanged,
    };
    if (
      !urlChanged &&
      next.name === current.name &&
      next.provider === current.provider &&
      next.category === current.category &&
      next.logoUrl === current.logoUrl
    ) {
      unchanged++;
      continue;
    }
    updates.push(next);
  }
  return { adds, updates, invalid, notes, unchanged };
}

/** One UPDATE ... FROM (VALUES ...) per chunk: an import is a few statements, not one per row. */
async function writeUpdates(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], updates: Update[]) {
  const params: unknown[] = [];
  const rows = updates.map((u) => {
    const n = params.length;
    params.push(u.id, u.name, u.statusPageUrl, u.provider, u.category, u.logoUrl);
    return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6})`;
  });
  await tx.$executeRawUnsafe(
    `UPDATE "Vendor" AS v SET
       name = x.name,
       "statusPageUrl" = x.url,
       provider = x.provider,
       category = x.category,
       "logoUrl" = x.logo,
       "updatedAt" = now()
     FROM (VALUES ${rows.join(", ")}) AS x(id, name, url, provider, category, logo)
     WHERE v.id = x.id`,
    ...params,
  );
  await forgetMovedPages(
    updates.filter((u) => u.urlChanged).map((u) => u.id),
    tx,
  );
}

/**
 * Brings the vendor table in line with a parsed catalog, in one transaction and a handful of
 * bulk statements. Idempotent: a second run of the same file adds and updates nothing. Poll state
 * and history are never touched; a vendor whose page moved is re-detected on its next poll.
 */
export async function importCatalog(
  parsed: ParsedCatalog,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  const existing = await db.vendor.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      statusPageUrl: true,
      provider: true,
      category: true,
      logoUrl: true,
      userAdded: true,
    },
  });
  const p = plan(parsed.entries, existing);
  const work = p.adds.length + p.updates.length;
  let done = 0;
  opts.onProgress?.(0, work);
  let added = 0;
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < p.adds.length; i += CHUNK) {
        const chunk = p.adds.slice(i, i + CHUNK);
        const result = await tx.vendor.createMany({
          data: chunk.map((e) => ({
            slug: e.slug,
            name: e.name,
            statusPageUrl: e.statusPageUrl,
            provider: e.provider,
            category: e.category,
            logoUrl: e.logoUrl,
          })),
          skipDuplicates: true,
        });
        added += result.count;
        opts.onProgress?.((done += chunk.length), work);
      }
      for (let i = 0; i < p.updates.length; i += CHUNK) {
        const chunk = p.updates.slice(i, i + CHUNK);
        await writeUpdates(tx, chunk);
        opts.onProgress?.((done += chunk.length), work);
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // Rows another writer inserted between our read and our insert were skipped by the database.
  const raced = p.adds.length - added;
  const invalid = [...parsed.invalid, ...p.invalid].sort((a, b) => a.row - b.row);
  const notes = [...parsed.duplicates, ...p.notes].sort((a, b) => a.row - b.row);
  return {
    added,
    updated: p.updates.length,
    skipped: p.unchanged + notes.length + raced,
    invalid: invalid.length,
    errors: invalid,
    notes,
    total: parsed.entries.length,
  };
}
