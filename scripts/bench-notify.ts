import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { runMain } from "@/lib/cli/main";

/**
 * `npm run bench:notify [-- <subscribers>]`: one major incident at a vendor with N subscribers
 * (default 10,000), each with email and a webhook. Prints the time from the poll that finds it to
 * the last delivery the local servers accepted, deliveries per second and peak memory, beside a
 * floor: a bare client posting the same requests (100-email batches paced at the same Resend rate
 * limit, and one webhook POST each) to the same servers. Asserts nothing.
 */
const N = Number(process.argv[2] ?? 10_000);
process.env.RESEND_REQUESTS_PER_SECOND ??= "2";
const RATE = Number(process.env.RESEND_REQUESTS_PER_SECOND);

interface Servers {
  resend: string;
  receivers: string;
  stats: string;
  stop(): void;
}
interface Stats {
  emails: number;
  resendCalls: number;
  hooks: number;
  lastEmail: number | null;
  lastHook: number | null;
}

function startServers(): Promise<Servers> {
  const child = fork("scripts/bench/notify-receivers.ts", [], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve) =>
    child.once("message", (m: Omit<Servers, "stop">) => resolve({ ...m, stop: () => child.send({ type: "stop" }) })),
  );
}
const stats = async (s: Servers): Promise<Stats> => (await fetch(`${s.stats}/`)).json() as Promise<Stats>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

/** The same requests from a bare client: no database, no rendering, no bookkeeping. */
async function floor(
  servers: Servers,
  html: string,
  text: string,
): Promise<{ total: number; emails: number; hooks: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        url,
        { method: "POST", agent, headers: { "content-type": "application/json", ...headers } },
        (res) => {
          res.resume();
          res.on("end", () => resolve());
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const t0 = performance.now();
  const emails = (async () => {
    for (let i = 0; i < Math.ceil(N / 100); i++) {
      const batch = Array.from({ length: Math.min(100, N - i * 100) }, (_, j) => ({
        from: "Vendorwatch <alerts@vendorwatch.test>",
        to: [`floor-${i}-${j}@example.com`],
        subject: "GitHub: Incident with Pages and Actions (major), investigating",
        html,
        text,
      }));
      const started = performance.now();
      await post(`${servers.resend}/emails/batch`, JSON.stringify(batch), {
        authorization: "Bearer re_test",
        "idempotency-key": randomUUID(),
      });
      await sleep(Math.max(0, 1000 / RATE - (performance.now() - started)));
    }
  })();
  const body = JSON.stringify({ version: "1", type: "alert", id: "x", vendor: { name: "GitHub" } });
  let next = 0;
  const hooks = Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < N) await post(`${servers.receivers}/webhook/floor-${next++}`, body);
    }),
  );
  const since = (p: Promise<unknown>) => p.then(() => (performance.now() - t0) / 1000);
  const [e, w] = await Promise.all([since(emails), since(hooks)]);
  agent.destroy();
  return { total: Math.max(e, w), emails: e, hooks: w };
}

await runMain(async () => {
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const { applyMigrations } = await import("@/lib/db/schema-engine");
  const { configureDatabase, db } = await import("@/lib/db");
  const { createFetcher } = await import("@/lib/net/fetch");
  const { createEmailTransport } = await import("@/lib/email/transport");
  const { createPoster } = await import("@/lib/notify/http");
  const { startNotifier } = await import("@/lib/notify/runner");
  const { HeartbeatBuffer } = await import("@/lib/monitor/heartbeat");
  const { pollVendor } = await import("@/lib/monitor/poll-vendor");
  const { pollableVendorSelect } = await import("@/lib/monitor/poll-state");
  const { startFixtureServer } = await import("@/test/fixture-server");
  const { githubPayloads } = await import("@/test/support/github-incident-script");

  const database = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(database.url);
  configureDatabase(database.url);
  const servers = await startServers();
  const page = await startFixtureServer();
  const serve = (updates: number) => {
    const p = githubPayloads({ updates });
    page.set("/github/api/v2/summary.json", { body: p.summary });
    page.set("/github/api/v2/incidents.json", { body: p.incidents });
    page.set("/github/api/v2/scheduled-maintenances.json", { body: p.maintenances });
  };
  const fetcher = createFetcher({ allowPrivateNetworks: true, retries: 0 });
  const vendor = await db.vendor.create({
    data: { slug: "github", name: "GitHub", statusPageUrl: `${page.url}/github`, provider: "statuspage" },
  });
  const poll = async () => {
    const row = await db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, select: pollableVendorSelect });
    const hb = new HeartbeatBuffer();
    const r = await pollVendor(row, hb, { fetcher });
    await hb.flush();
    return r;
  };
  serve(0);
  await poll();

  console.log(`bench:notify: ${N} subscribers of one vendor, each with email and a webhook (embedded database)`);
  const t = performance.now();
  for (let i = 0; i < N; i += 2000) {
    const ids = Array.from({ length: Math.min(2000, N - i) }, (_, j) => ({ user: randomUUID(), n: i + j }));
    await db.user.createMany({ data: ids.map(({ user, n }) => ({ id: user, email: `subscriber-${n}@example.com` })) });
    await db.notificationChannel.createMany({
      data: ids.flatMap(({ user, n }) => [
        { userId: user, type: "email" as const, target: `subscriber-${n}@example.com` },
        {
          userId: user,
          type: "webhook" as const,
          target: `${servers.receivers}/webhook/sub-${n}`,
          secret: `whsec_${Buffer.from(`secret-${n}-0123456789abcdef`).toString("base64")}`,
        },
      ]),
    });
    await db.subscription.createMany({ data: ids.map(({ user }) => ({ userId: user, vendorId: vendor.id })) });
  }
  console.log(`  setup: ${N} users, ${2 * N} channels in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const ctx = {
    transport: createEmailTransport({
      apiKey: "re_test",
      baseUrl: servers.resend,
      from: "Vendorwatch <alerts@vendorwatch.test>",
      logLocal: false,
    }),
    poster: createPoster({ allowPrivateNetworks: true }),
  };
  const notifier = startNotifier(ctx);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);

  serve(1);
  const t0 = Date.now();
  const result = await poll();
  if (result.outcome !== "changed") throw new Error(`the incident poll was ${result.outcome}`);
  notifier.wake();
  let fannedOutAt: number | null = null;
  for (;;) {
    await sleep(250);
    const s = await stats(servers);
    if (fannedOutAt === null && (await db.notificationOutbox.count({ where: { status: "pending" } })) === 0)
      fannedOutAt = Date.now();
    if (s.emails >= N && s.hooks >= N) break;
    if (Date.now() - t0 > 600_000) throw new Error(`not done after 10 minutes: ${JSON.stringify(s)}`);
  }
  clearInterval(sampler);
  await notifier.stop();
  const s = await stats(servers);
  const end = Math.max(s.lastEmail ?? 0, s.lastHook ?? 0);
  const elapsed = (end - t0) / 1000;
  const delivered = await db.notificationDelivery.count({ where: { status: "delivered" } });
  console.log(
    `  poll to last delivery accepted: ${elapsed.toFixed(1)} s for ${s.emails} emails (${s.resendCalls} Resend batch calls at ${RATE} a second) and ${s.hooks} webhooks: ${Math.round((s.emails + s.hooks) / elapsed)} deliveries/s`,
  );
  console.log(
    `    fan-out written ${(((fannedOutAt ?? end) - t0) / 1000).toFixed(1)} s after the poll; last email at ${(((s.lastEmail ?? 0) - t0) / 1000).toFixed(1)} s, last webhook at ${(((s.lastHook ?? 0) - t0) / 1000).toFixed(1)} s; ${delivered} deliveries recorded delivered`,
  );
  console.log(
    `  memory: rss ${mb(before.rss)} before, peak ${mb(peakRss)}; heap ${mb(before.heapUsed)} before, peak ${mb(peakHeap)}`,
  );

  const sample = await db.notificationDelivery.findFirstOrThrow({
    where: { kind: "alert", channel: { type: "email" } },
    select: { messageId: true },
  });
  const { renderAlert } = await import("@/lib/notify/render-email");
  const message = await db.notificationMessage.findUniqueOrThrow({ where: { id: sample.messageId as string } });
  const rendered = await renderAlert(message.id, message.payload as never, "UTC");
  const f = await floor(servers, rendered.html, rendered.text);
  const lastEmail = ((s.lastEmail ?? 0) - t0) / 1000;
  const lastHook = ((s.lastHook ?? 0) - t0) / 1000;
  console.log(
    `  floor (a bare client sending the same ${Math.ceil(N / 100)} batch calls paced at ${RATE}/s and ${N} webhook POSTs to the same servers): ${f.total.toFixed(1)} s (emails ${f.emails.toFixed(1)} s, webhooks ${f.hooks.toFixed(1)} s)`,
  );
  console.log(
    `  ratio: ${(elapsed / f.total).toFixed(2)}x overall; emails ${(lastEmail / f.emails).toFixed(2)}x, webhooks ${(lastHook / f.hooks).toFixed(2)}x (ours include the poll and the fan-out)`,
  );
  servers.stop();
  await page.close();
  await database.stop();
  process.exit(0);
});
