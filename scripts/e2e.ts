import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { env as config } from "@/env";
import { runMain } from "@/lib/cli/main";
import { startVendorFixtures } from "@/e2e/support/vendor-fixtures";
import { startResendCapture } from "@/test/support/resend-capture";

/**
 * `npm run test:e2e`: the vendors' pages (a fixture server on loopback) and Resend (a capture
 * server on loopback, where the browser tests read their sign-in links), Vendorwatch started
 * with `npm start` on a fresh embedded database, vendors added with the CLI, data from real
 * polls; then Playwright in Debian's Chromium. Everything is torn down afterwards.
 */
const PORT = config.E2E_PORT;
const TSX = ["--import", "tsx"];
const RESEND_KEY = "re_e2e_capture";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { quiet?: boolean } = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: opts.quiet ? "ignore" : "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}

await runMain(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vendorwatch-e2e-"));
  const fixtures = await startVendorFixtures();
  const resend = await startResendCapture({ apiKey: RESEND_KEY });
  const env = {
    ...process.env,
    VENDORWATCH_DATA_DIR: dataDir,
    VENDORWATCH_ALLOW_PRIVATE_NETWORKS: "1",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${PORT}`,
    DATABASE_URL: "",
    POLL_INTERVAL_SECONDS: "5",
    HOT_POLL_INTERVAL_SECONDS: "5",
    // The operator console's admin (e2e/admin.spec.ts signs in as this address and as someone else).
    ADMIN_EMAILS: "ops-admin@vendorwatch.test",
    // Mail leaves through the Resend SDK, as in production, to the capture server.
    RESEND_API_KEY: RESEND_KEY,
    RESEND_BASE_URL: resend.url,
  };
  const app = spawn(process.execPath, [...TSX, "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  app.stdout.on("data", (d: Buffer) => process.stdout.write(`[app] ${d}`));
  // A failed build ends the app at once: say so then, not when the wait for it runs out.
  const exitedEarly = new Promise<never>((_, reject) =>
    app.once("exit", (code) => reject(new Error(`the app exited (code ${code}) before it answered`))),
  );
  exitedEarly.catch(() => undefined);
  try {
    await Promise.race([waitFor(`http://127.0.0.1:${PORT}/api/v1/vendors?q=__ready__`, 600_000), exitedEarly]);
    for (const vendor of fixtures.vendors) {
      const code = await run(
        process.execPath,
        [...TSX, "scripts/vendorwatch.ts", "vendors", "add", vendor.url, "--name", vendor.name, "--slug", vendor.slug],
        env,
      );
      if (code !== 0) throw new Error(`could not add ${vendor.name}`);
    }
    // The incident starts after the vendors were added: the app's scheduler must notice it.
    fixtures.startIncident();
    const code = await run(
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
      {
        ...env,
        E2E_BASE_URL: `http://127.0.0.1:${PORT}`,
        E2E_FIXTURES_URL: fixtures.server.url,
        E2E_RESEND_URL: resend.url,
      },
    );
    return code;
  } finally {
    if (app.exitCode === null && app.signalCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
    }
    await fixtures.close();
    await resend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
