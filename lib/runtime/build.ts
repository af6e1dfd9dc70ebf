import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "@/lib/errors";

/** What a production build depends on; a change to any of these triggers a rebuild on start. */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "env.ts",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = ".next/vendorwatch-build.json";

async function walk(entry: string, out: string[]): Promise<void> {
  const info = await stat(entry).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) {
    out.push(`${entry}:${info.size}:${info.mtimeMs}`);
    return;
  }
  for (const child of await readdir(entry)) if (!SKIP.has(child)) await walk(path.join(entry, child), out);
}

export async function sourceFingerprint(root = process.cwd()): Promise<string> {
  const parts: string[] = [];
  for (const input of INPUTS) await walk(path.join(root, input), parts);
  return createHash("sha256").update(parts.sort().join("\n")).digest("hex");
}

export async function buildIsCurrent(root = process.cwd()): Promise<boolean> {
  const stamp = await readFile(path.join(root, STAMP), "utf8").catch(() => null);
  const hasBuild = await stat(path.join(root, ".next/BUILD_ID")).then(
    () => true,
    () => false,
  );
  return (
    hasBuild &&
    stamp !== null &&
    (JSON.parse(stamp) as { fingerprint: string }).fingerprint === (await sourceFingerprint(root))
  );
}

/** Runs `next build` with tsx's loader (next.config.mjs imports env.ts) and stamps the result. */
export async function buildApp(env: NodeJS.ProcessEnv, root = process.cwd()): Promise<void> {
  const fingerprint = await sourceFingerprint(root);
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", nextBin, "build"], {
      cwd: root,
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: "inherit",
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new UserError(`next build failed (exit ${code}): see the build output above`)),
    );
    child.on("error", reject);
  });
  await writeFile(path.join(root, STAMP), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
