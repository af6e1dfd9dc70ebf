import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";

/**
 * The secret that signs sessions and hashes sign-in tokens. AUTH_SECRET wins; without it a fresh
 * install generates one on first start and keeps it in the data directory (like the internal
 * secret), so `npm install && npm start` needs no configuration and sessions survive restarts.
 * Several web instances must share one: set AUTH_SECRET for them.
 */
const secretFile = () => path.resolve(env.VENDORWATCH_DATA_DIR, "auth-secret");

let loaded: Promise<string> | null = null;

async function readOrCreate(): Promise<string> {
  const existing = (await readFile(secretFile(), "utf8").catch(() => "")).trim();
  if (existing) return existing;
  await mkdir(path.dirname(secretFile()), { recursive: true });
  // "wx": if another process created it first, keep theirs.
  await writeFile(secretFile(), randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" }).catch(
    (e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    },
  );
  return (await readFile(secretFile(), "utf8")).trim();
}

export function authSecret(): Promise<string> {
  if (env.AUTH_SECRET) return Promise.resolve(env.AUTH_SECRET);
  loaded ??= readOrCreate().catch((e: unknown) => {
    loaded = null;
    throw e;
  });
  return loaded;
}
