import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { diffSnapshot } from "@/lib/monitor/diff";
import { commitPoll } from "@/lib/monitor/persist";
import { snapshotHash } from "@/lib/monitor/poll-vendor";
import { type Fetcher, ProviderError, detectProvider, pollProvider } from "@/lib/providers";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/types";

const USAGE =
  "usage: vendorwatch vendors add <status-page-url> [--name N] [--slug S] [--provider P] [--endpoint URL] [--json]";

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
    u = new URL(raw);
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

async function freeSlug(wanted: string | undefined, name: string): Promise<string> {
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
  const statusPageUrl = normaliseStatusUrl(positionals[0] as string);
  if (values.provider && !(PROVIDER_IDS as readonly string[]).includes(values.provider)) {
    throw new UserError(`unknown provider "${values.provider}": one of ${PROVIDER_IDS.join(", ")}`, 2);
  }
  const variants = [statusPageUrl, `${statusPageUrl}/`];
  const existing = await db.vendor.findFirst({
    where: { statusPageUrl: { in: variants } },
    select: { slug: true, name: true },
  });
  if (existing) throw new UserError(`${statusPageUrl} is already monitored as "${existing.name}" (${existing.slug})`);

  try {
    const detected = values.provider
      ? { provider: values.provider as ProviderId, endpoint: values.endpoint ?? null, timeZone: null }
      : await detectProvider(statusPageUrl, { fetcher });
    const endpoint = values.endpoint ?? detected.endpoint;
    const outcome = await pollProvider(
      { statusPageUrl, provider: detected.provider, endpoint, timeZone: detected.timeZone ?? null },
      { fetcher },
    );
    if (outcome.kind === "error") throw outcome.error;
    if (outcome.kind !== "snapshot") throw new UserError(`${statusPageUrl} answered without content`);
    const name = values.name?.trim() || nameFromUrl(new URL(statusPageUrl));
    const slug = await freeSlug(values.slug, name);
    const vendor = await db.vendor.create({
      data: {
        slug,
        name,
        statusPageUrl,
        provider: detected.provider,
        apiEndpoint: endpoint,
        timeZone: detected.timeZone ?? null,
        userAdded: true,
      },
    });
    // The validating fetch is the vendor's first poll: keep it as the baseline.
    const now = new Date();
    const changes = diffSnapshot({ components: [], incidents: [], maintenances: [] }, outcome.snapshot, {
      vendorId: vendor.id,
      stateKey: "baseline",
      now,
    });
    await commitPoll({
      vendor,
      snapshot: outcome.snapshot,
      changes,
      contentHash: snapshotHash(outcome.snapshot),
      validators: outcome.validators,
      now,
    });
    const result = {
      slug,
      name,
      statusPageUrl,
      provider: detected.provider,
      endpoint,
      status: outcome.snapshot.status,
    };
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${slug}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ProviderError)
      throw new UserError(error.message.startsWith(error.kind) ? error.message : `${error.kind}: ${error.message}`);
    throw error;
  }
}
