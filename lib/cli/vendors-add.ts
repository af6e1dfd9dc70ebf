import { parseArgs } from "node:util";
import { UserError } from "@/lib/errors";
import { addVendor } from "@/lib/monitor/add-vendor";
import type { Fetcher } from "@/lib/providers";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/types";

export { nameFromUrl, normaliseStatusUrl, slugify } from "@/lib/monitor/vendor-names";

const USAGE =
  "usage: vendorwatch vendors add <status-page-url> [--name N] [--slug S] [--provider P] [--endpoint URL] [--json]";

/** `vendorwatch vendors add`: the dashboard's "paste a status page URL", from a terminal. */
export async function vendorsAddCommand(argv: string[], fetcher?: Fetcher): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      provider: { type: "string" },
      endpoint: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) throw new UserError(USAGE, 2);
  if (values.provider && !(PROVIDER_IDS as readonly string[]).includes(values.provider)) {
    throw new UserError(`unknown provider "${values.provider}": one of ${PROVIDER_IDS.join(", ")}`, 2);
  }
  const added = await addVendor(
    {
      url: positionals[0] as string,
      name: values.name,
      slug: values.slug,
      provider: values.provider as ProviderId | undefined,
      endpoint: values.endpoint,
    },
    { fetcher },
  );
  const { id: _id, ...result } = added;
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${added.slug}\n`);
  return 0;
}
