import { type ChildProcess, spawn } from "node:child_process";

/**
 * A real `npm start` (its entry point, so a kill reaches the server itself) on a port of its own,
 * with its JSON log lines kept for assertions.
 */
export interface AppInstance {
  name: string;
  url: string;
  /** Parsed JSON log lines, in order. */
  logs: Array<Record<string, unknown> & { event?: string; vendor?: string; outcome?: string; time?: string }>;
  process: ChildProcess;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startInstance(
  name: string,
  port: number,
  env: Record<string, string | undefined>,
  script: string[] = ["scripts/start.ts"],
): AppInstance {
  const child = spawn(process.execPath, ["--import", "tsx", ...script], {
    env: { ...process.env, UV_THREADPOOL_SIZE: "64", ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: AppInstance["logs"] = [];
  let partial = "";
  child.stdout?.on("data", (d: Buffer) => {
    const lines = (partial + d.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      try {
        logs.push(JSON.parse(line) as AppInstance["logs"][number]);
      } catch {
        // a build's own output, not ours
      }
    }
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      if (code) process.stderr.write(`[${name}] exited ${code}: ${stderr}\n`);
      resolve(code);
    }),
  );
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    logs,
    process: child,
    exited,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntil(what: string, fn: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

export const isHealthy = async (instance: AppInstance) =>
  (await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200;
