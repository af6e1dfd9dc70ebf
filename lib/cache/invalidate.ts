import { randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";
import { tagsForVendors } from "@/lib/cache/tags";
import { databaseKind } from "@/lib/db";
import { logger } from "@/lib/log";

/**
 * Pages and API responses are cached in the Next server and tagged per vendor. The poller may
 * run in another process (the CLI) or outside a request (the scheduler), where revalidateTag
 * cannot run, so it asks the server to revalidate over loopback with a shared secret. On
 * PostgreSQL it NOTIFYs instead, and every instance of a fleet revalidates itself (broadcast.ts).
 */
const secretFile = () => path.resolve(env.VENDORWATCH_DATA_DIR, "internal-secret");

export async function internalSecret(create = false): Promise<string | null> {
  const existing = await readFile(secretFile(), "utf8").catch(() => null);
  if (existing || !create) return existing?.trim() || null;
  const secret = randomBytes(32).toString("hex");
  await mkdir(path.dirname(secretFile()), { recursive: true });
  await writeFile(secretFile(), secret, { mode: 0o600 });
  return secret;
}

/** For internal routes: true when the request carries the shared secret. */
export async function hasInternalSecret(request: Request): Promise<boolean> {
  const secret = await internalSecret();
  const given = request.headers.get("x-vendorwatch-secret") ?? "";
  return Boolean(secret) && given.length === secret?.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/** Best effort: when no server is running there is no cache to invalidate. */
export async function invalidateVendors(slugs: string[]): Promise<boolean> {
  if (!slugs.length) return true;
  if (databaseKind() === "embedded") return revalidateLocally(slugs);
  try {
    const { publishInvalidation } = await import("@/lib/cache/broadcast");
    await publishInvalidation(slugs);
    return true;
  } catch (err) {
    logger("cache").warn("notify.failed", { slugs: slugs.length, err });
    return false;
  }
}

/** Asks this machine's server (over loopback) to revalidate the vendors' tags and purge their pages. */
export async function revalidateLocally(slugs: string[], baseUrl = `http://127.0.0.1:${env.PORT}`): Promise<boolean> {
  if (!slugs.length) return true;
  const secret = await internalSecret();
  if (!secret) return false;
  try {
    const res = await fetch(`${baseUrl}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-vendorwatch-secret": secret },
      body: JSON.stringify({ tags: tagsForVendors(slugs) }),
      signal: AbortSignal.timeout(3000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
