import { fixture, startFixtureServer } from "@/test/fixture-server";

/**
 * A child process serving N vendors' Statuspage endpoints on loopback, kept out of the
 * benchmark's own process so its CPU is not counted as ours. Payloads are real recordings of
 * several sizes; on "change" a share of vendors flips one component's status (an enum value the
 * vendor's page really uses), which changes the body and its ETag. BENCH_TLS_KEY and
 * BENCH_TLS_CERT (PEM) make it serve HTTPS.
 */
const count = Number(process.argv[2] ?? 2000);
const summaries = [
  "statuspage/github-summary-operational-2026-04.json",
  "statuspage/bexio-summary-minor-incident-2026-04.json",
  "statuspage/asana-summary-major-groups-2026-04.json",
  "statuspage/cloudamqp-summary-maintenance.json",
  "statuspage/github-summary-incident-2023-05-11T1402.json",
].map((p) => JSON.parse(fixture(p).toString("utf8")) as { components: Array<{ status: string }>; page: unknown });
const incidents = fixture("statuspage/github-incidents-excerpt-2024-09.json");
const maintenances = fixture("statuspage/claude-scheduled-maintenances-completed.json");

const key = process.env.BENCH_TLS_KEY;
const cert = process.env.BENCH_TLS_CERT;
// Idle connections live as long as a typical vendor's server keeps them (Node's default, 5 s).
const server = await startFixtureServer({ keepAliveTimeoutMs: 5_000, ...(key && cert ? { tls: { key, cert } } : {}) });
const state = Array.from({ length: count }, (_, i) => ({
  template: summaries[i % summaries.length] as (typeof summaries)[number],
  flipped: false,
}));

function serve(i: number) {
  const s = state[i];
  if (!s) return;
  const summary = structuredClone(s.template);
  const first = summary.components[0];
  if (first && s.flipped) first.status = first.status === "operational" ? "degraded_performance" : "operational";
  server.set(`/v${i}/api/v2/summary.json`, { body: JSON.stringify(summary) });
}

for (let i = 0; i < count; i++) {
  serve(i);
  server.set(`/v${i}/api/v2/incidents.json`, { body: incidents });
  server.set(`/v${i}/api/v2/scheduled-maintenances.json`, { body: maintenances });
}
// The request log would grow by every request of every round; the benchmark never reads it.
setInterval(() => void (server.requests.length = 0), 1_000).unref();

let round = 0;
process.on("message", (msg: { type: string; share?: number }) => {
  if (msg.type === "change") {
    const n = Math.round(count * (msg.share ?? 0));
    // A different slice each round, so every changed vendor really changed since its last poll.
    for (let k = 0; k < n; k++) {
      const i = (round * n + k) % count;
      const s = state[i];
      if (s) s.flipped = !s.flipped;
      serve(i);
    }
    round++;
    process.send?.({ type: "changed", count: n });
  } else if (msg.type === "stop") {
    void server.close().then(() => process.exit(0));
  }
});
process.send?.({ type: "ready", url: server.url, port: server.port, count });
