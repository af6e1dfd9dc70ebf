import { fixture, startFixtureServer } from "@/test/fixture-server";

/**
 * A child process serving N vendors' Statuspage endpoints on loopback, kept out of the
 * benchmark's own process so its CPU is not counted as ours. Payloads are real recordings of
 * several sizes; on "change" a share of vendors flips one component's status (an enum value the
 * vendor's page really uses), which changes the body and its ETag; "flip" does that to the vendors
 * named. With a second argument the vendors are spread over that many servers (vendor i on server
 * i % hosts), as real vendors sit on their own hosts and the fetcher limits each host.
 * BENCH_TLS_KEY and BENCH_TLS_CERT (PEM) make it serve HTTPS.
 */
const count = Number(process.argv[2] ?? 2000);
const hosts = Math.max(1, Number(process.argv[3] ?? 1));
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
const servers = await Promise.all(
  Array.from({ length: hosts }, () =>
    startFixtureServer({ keepAliveTimeoutMs: 5_000, ...(key && cert ? { tls: { key, cert } } : {}) }),
  ),
);
const serverOf = (i: number) => servers[i % hosts] as (typeof servers)[number];
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
  serverOf(i).set(`/v${i}/api/v2/summary.json`, { body: JSON.stringify(summary) });
}

for (let i = 0; i < count; i++) {
  serve(i);
  serverOf(i).set(`/v${i}/api/v2/incidents.json`, { body: incidents });
  serverOf(i).set(`/v${i}/api/v2/scheduled-maintenances.json`, { body: maintenances });
}
// The request log would grow by every request of every round; the benchmark never reads it.
setInterval(() => {
  for (const s of servers) s.requests.length = 0;
}, 1_000).unref();

let round = 0;
process.on("message", (msg: { type: string; share?: number; vendors?: number[] }) => {
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
  } else if (msg.type === "flip") {
    for (const i of msg.vendors ?? []) {
      const s = state[i];
      if (s) s.flipped = !s.flipped;
      serve(i);
    }
    process.send?.({ type: "flipped", at: Date.now() });
  } else if (msg.type === "stop") {
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  }
});
process.send?.({ type: "ready", url: servers[0]?.url, port: servers[0]?.port, urls: servers.map((s) => s.url), count });
