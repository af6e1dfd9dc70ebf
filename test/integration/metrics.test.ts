import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const TOKEN = "metrics-token-for-tests-0123456789";
vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-tests-0123456789";
});

const { GET } = await import("@/app/api/metrics/route");
const { pollVendors } = await import("@/lib/monitor/sweep");
const { createFetcher } = await import("@/lib/net/fetch");
const { recordDelivery } = await import("@/lib/metrics");
const { startFixtureServer } = await import("@/test/fixture-server");
const { connectTestDatabase } = await import("@/test/support/db");
const { createVendor } = await import("@/test/support/factories");
const { incidentStage, stagePayloads } = await import("@/test/support/statuspage-script");

const db = connectTestDatabase();
let srv: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(() => srv.close());

const scrape = (auth?: string) =>
  GET(new Request("http://localhost/api/metrics", auth ? { headers: { authorization: auth } } : {}));

describe("GET /api/metrics", () => {
  it("refuses a scrape without the token", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-of-the-same-len")).status).toBe(401);
  });

  it("answers Prometheus text: polls, failures, changes, deliveries, latencies as histograms", async () => {
    const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0, deadlineMs: 2000 });
    const set = (stage: Parameters<typeof stagePayloads>[0]) => {
      const p = stagePayloads(stage);
      srv.set("/m/api/v2/summary.json", { body: p.summary });
      srv.set("/m/api/v2/incidents.json", { body: p.incidents });
      srv.set("/m/api/v2/scheduled-maintenances.json", { body: p.maintenances });
    };
    set({});
    const ok = await createVendor({ statusPageUrl: `${srv.url}/m` });
    const dead = await createVendor({ statusPageUrl: "http://127.0.0.1:9/dead" });
    const poll = async (id: string) =>
      pollVendors([await db.vendor.findUniqueOrThrow({ where: { id } })], { concurrency: 1, fetcher });
    await poll(ok.id); // baseline
    set({ incident: incidentStage(1) });
    await poll(ok.id); // an incident starts
    await poll(ok.id); // unchanged
    await poll(dead.id); // unreachable
    recordDelivery("email", "delivered", 120);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    const value = (name: string, labels: Record<string, string>) =>
      Number(
        families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value,
      );

    expect(families.get("vendorwatch_polls_total")?.type).toBe("COUNTER");
    expect(value("vendorwatch_polls_total", { outcome: "changed" })).toBe(2);
    expect(value("vendorwatch_polls_total", { outcome: "unchanged" })).toBe(1);
    expect(value("vendorwatch_polls_total", { outcome: "failed" })).toBe(1);
    expect(value("vendorwatch_poll_failures_total", { kind: "unreachable" })).toBe(1);
    expect(value("vendorwatch_changes_total", { event: "vendor/incident.created" })).toBe(1);
    expect(value("vendorwatch_deliveries_total", { channel: "email", result: "delivered" })).toBe(1);

    // Histograms, checked on the raw samples (the parser folds labelled histograms together):
    // per label set, cumulative buckets ending in +Inf, which equals _count.
    const samples = text
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l))
      .map((m) => {
        if (!m) throw new Error("a sample line that is not name{labels} value");
        const labels = Object.fromEntries(
          [...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
        );
        return { name: m[1] as string, labels: labels as Record<string, string>, value: Number(m[3]) };
      });
    for (const name of ["vendorwatch_poll_duration_seconds", "vendorwatch_delivery_duration_seconds"]) {
      expect(families.get(name)?.type).toBe("HISTOGRAM");
      const series = new Map<string, Array<[number, number]>>();
      for (const s of samples.filter((x) => x.name === `${name}_bucket`)) {
        const { le, ...rest } = s.labels;
        const key = JSON.stringify(rest);
        series.set(key, [...(series.get(key) ?? []), [le === "+Inf" ? Infinity : Number(le), s.value]]);
      }
      expect(series.size).toBeGreaterThan(0);
      for (const [key, buckets] of series) {
        expect(buckets.length).toBeGreaterThan(3);
        for (let i = 1; i < buckets.length; i++) expect(buckets[i]![1]).toBeGreaterThanOrEqual(buckets[i - 1]![1]);
        expect(buckets.at(-1)![0]).toBe(Infinity);
        const count = samples.find((x) => x.name === `${name}_count` && JSON.stringify(x.labels) === key);
        expect(buckets.at(-1)![1]).toBe(count?.value);
      }
    }
    const pollCounts = samples.filter((x) => x.name === "vendorwatch_poll_duration_seconds_count");
    expect(pollCounts.reduce((n, x) => n + x.value, 0)).toBe(4);

    expect(families.get("vendorwatch_outbox_pending_fleet")?.type).toBe("GAUGE");
    expect(families.get("vendorwatch_vendors_fleet")?.metrics.length).toBe(3);
    expect(families.has("process_cpu_seconds_total")).toBe(true);
    // Every family is announced with HELP and TYPE before its samples.
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) {
      const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0] ?? "";
      const base = name.replace(/_(bucket|sum|count)$/, "");
      expect(text).toContain(`# TYPE ${families.has(name) ? name : base} `);
    }
  });
});
