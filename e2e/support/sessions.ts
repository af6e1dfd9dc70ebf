import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";

/**
 * A signed-in browser without going through the inbox: a user and a database session written
 * where Auth.js keeps them (the app's embedded database, found through the marker the running app
 * writes), and the session cookie Auth.js would have set. Auth.js validates it like any other.
 */
async function database(): Promise<pg.Client> {
  const dir = process.env.VENDORWATCH_DATA_DIR;
  if (!dir) throw new Error("VENDORWATCH_DATA_DIR is not set: run the browser tests through scripts/e2e.ts");
  const { port } = JSON.parse(await readFile(path.join(dir, "embedded-server.json"), "utf8")) as { port: number };
  const client = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
  });
  await client.connect();
  return client;
}

export async function signInAs(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  const client = await database();
  const token = randomBytes(32).toString("hex");
  try {
    const user = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())
       ON CONFLICT (email) DO UPDATE SET "updatedAt" = now() RETURNING id`,
      [randomUUID(), email],
    );
    await client.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, now() + interval '1 day', now())`,
      [token, user.rows[0]?.id],
    );
  } finally {
    await client.end();
  }
  await context.addCookies([
    { name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
}
