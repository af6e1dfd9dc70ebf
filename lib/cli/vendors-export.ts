import { parseArgs } from "node:util";
import { CATALOG_COLUMNS } from "@/lib/catalog/entries";
import { csvField } from "@/lib/catalog/csv";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";

const USAGE = "usage: vendorwatch vendors export [--json]";

/** Every vendor, in the import format: `vendors import` of the output changes nothing. */
export async function exportCatalog(format: "csv" | "json"): Promise<string> {
  const vendors = await db.vendor.findMany({
    select: { name: true, slug: true, statusPageUrl: true, provider: true, category: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  if (format === "json") {
    const rows = vendors.map((v) => ({
      name: v.name,
      slug: v.slug,
      status_page_url: v.statusPageUrl,
      provider: v.provider,
      category: v.category,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const lines = [CATALOG_COLUMNS.join(",")];
  for (const v of vendors)
    lines.push(
      [v.name, v.slug, v.statusPageUrl, v.provider ?? "unknown", v.category ?? ""].map((f) => csvField(f)).join(","),
    );
  return `${lines.join("\n")}\n`;
}

export async function vendorsExportCommand(
  argv: string[],
  openDatabase: () => Promise<unknown> = async () => undefined,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  if (positionals.length) throw new UserError(USAGE, 2);
  await openDatabase();
  process.stdout.write(await exportCatalog(values.json ? "json" : "csv"));
  return 0;
}
