import { parseArgs } from "node:util";
import { createFetcher, type Fetcher } from "../net/fetch";
import { detectProvider, pollProvider, ProviderError } from "../providers/index";
import { PROVIDER_IDS, type ProviderId, type Snapshot } from "../providers/types";

const USAGE = "usage: vendorwatch check <status-page-url> [--provider <id>] [--endpoint <api-url>] [--json]";

export interface CheckIo {
  out: (s: string) => void;
  err: (s: string) => void;
  fetcher?: Fetcher;
}

const defaultIo: CheckIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

function summary(url: string, s: Snapshot): string {
  const lines = [`${url}: ${s.status} (${s.provider})`];
  if (s.components.length) lines.push(`components (${s.components.length}):`);
  for (const c of s.components) lines.push(`  ${c.status.padEnd(14)} ${c.group ? `${c.group} / ` : ""}${c.name}`);
  const open = s.incidents.filter((i) => i.status !== "resolved" && i.status !== "postmortem");
  lines.push(`incidents: ${open.length} open, ${s.incidents.length - open.length} resolved`);
  for (const i of open) lines.push(`  ${i.status.padEnd(14)} ${i.impact.padEnd(8)} ${i.startedAt} ${i.title}`);
  const live = s.maintenances.filter((m) => m.status !== "completed");
  lines.push(`maintenances: ${live.length} scheduled or in progress, ${s.maintenances.length - live.length} completed`);
  for (const m of live)
    lines.push(`  ${m.status.padEnd(14)} ${m.scheduledFor ?? "?"} .. ${m.scheduledUntil ?? "?"} ${m.title}`);
  return lines.join("\n");
}

/** `check <url> [--provider] [--endpoint] [--json]`: 0 ok, 1 failure, 2 usage error. */
export async function checkCommand(argv: string[], io: CheckIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv[0] === "check" ? argv.slice(1) : argv,
      allowPositionals: true,
      options: {
        provider: { type: "string" },
        endpoint: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean" },
      },
    });
  } catch (err) {
    io.err(`error: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const url = positionals[0];
  if (!url || positionals.length > 1) {
    io.err(`error: expected exactly one status page URL\n${USAGE}`);
    return 2;
  }
  const provider = values.provider;
  if (provider !== undefined && !(PROVIDER_IDS as readonly string[]).includes(provider)) {
    io.err(`error: unknown provider "${provider}" (one of ${PROVIDER_IDS.join(", ")})\n${USAGE}`);
    return 2;
  }
  const fetcher = io.fetcher ?? createFetcher();
  try {
    const found = provider
      ? { provider: provider as ProviderId, endpoint: values.endpoint ?? null, timeZone: null }
      : await detectProvider(url, { fetcher });
    const outcome = await pollProvider(
      {
        statusPageUrl: url,
        provider: found.provider,
        endpoint: values.endpoint ?? found.endpoint,
        timeZone: found.timeZone ?? null,
      },
      { fetcher },
    );
    if (outcome.kind === "error") throw outcome.error;
    if (outcome.kind !== "snapshot") throw new ProviderError("invalid_payload", "no snapshot produced");
    io.out(values.json ? JSON.stringify(outcome.snapshot) : summary(url, outcome.snapshot));
    return 0;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    io.err(`error: ${msg.replace(/\s*\n\s*/g, " ")}`);
    return 1;
  }
}
