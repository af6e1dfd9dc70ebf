import pg from "pg";

const DAY = 86_400_000;
const BAD = ["degraded", "partial_outage", "major_outage", "maintenance"] as const;

/** A small deterministic generator, so every run draws the same history. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Gives every component of a vendor 90 days of status history with a few bad stretches each, as
 * a vendor watched for a whole window would have, and marks the vendor as watched since then.
 * A fresh poll leaves a single interval per component, which would flatter the strips. Returns
 * the number of intervals written.
 */
export async function seedHistory(databaseUrl: string, slug: string, now = new Date()): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const start = new Date(now.getTime() - 91 * DAY);
    const vendor = await client.query<{ id: string }>(`SELECT id FROM "Vendor" WHERE slug = $1`, [slug]);
    const vendorId = vendor.rows[0]?.id;
    if (!vendorId) throw new Error(`no vendor ${slug}`);
    const components = await client.query<{ id: string; status: string }>(
      `SELECT id, status::text FROM "Component" WHERE "vendorId" = $1`,
      [vendorId],
    );
    const rows: Array<[string, string, Date, Date | null]> = [];
    const next = random(42);
    for (const c of components.rows) {
      const episodes = Array.from({ length: Math.floor(next() * 4) }, () => {
        const at = start.getTime() + DAY + next() * 88 * DAY;
        return { at, until: at + (10 + next() * 360) * 60_000, status: BAD[Math.floor(next() * BAD.length)]! };
      }).sort((a, b) => a.at - b.at);
      let t = start.getTime();
      for (const e of episodes) {
        if (e.at <= t) continue;
        rows.push([c.id, "operational", new Date(t), new Date(e.at)]);
        rows.push([c.id, e.status, new Date(e.at), new Date(e.until)]);
        t = e.until;
      }
      rows.push([c.id, c.status, new Date(t), null]);
    }
    await client.query("BEGIN");
    await client.query(
      `DELETE FROM "ComponentStatusInterval" WHERE "componentId" IN (SELECT id FROM "Component" WHERE "vendorId" = $1)`,
      [vendorId],
    );
    await client.query(
      `INSERT INTO "ComponentStatusInterval" (id, "componentId", status, "startedAt", "endedAt")
       SELECT 'bench-' || r.n, r.c, r.s::"ComponentStatus", r.a, r.b
       FROM jsonb_to_recordset($1::jsonb) AS r(n int, c text, s text, a timestamp, b timestamp)`,
      [JSON.stringify(rows.map(([c, s, a, b], n) => ({ n, c, s, a, b })))],
    );
    await client.query(`UPDATE "Vendor" SET "firstSuccessAt" = $2 WHERE id = $1`, [vendorId, start]);
    await client.query("COMMIT");
    return rows.length;
  } finally {
    await client.end();
  }
}
