import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/data/errors";

/**
 * Personal API tokens for /api/v1/me/*: only a sha256 of each is stored, the token itself is
 * shown once at creation. Revoked tokens stop working at once; the rows stay for the export.
 */
export const TOKEN_PREFIX = "vw_";
export const MAX_ACTIVE_TOKENS = 20;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function createApiToken(userId: string, rawName: string): Promise<ApiTokenInfo & { token: string }> {
  const name = rawName.trim().slice(0, 80);
  if (!name) throw new InvalidInputError("Name the token, e.g. after the script that uses it.", "name");
  const active = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS)
    throw new InvalidInputError(`You have ${MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use first.`, "name");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name, tokenHash: hashOf(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
  });
  return { ...info(row), token };
}

const info = (r: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiTokenInfo => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

export async function listApiTokens(userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map(info);
}

/** Only the owner's own, still active token; any other id is "not found". */
export async function revokeApiToken(userId: string, id: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (!count) throw new NotFoundError("no such token");
}

/** The user behind a bearer token, or null. Marks the token used (at most once a minute). */
export async function userForToken(token: string): Promise<{ id: string; email: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashOf(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true } } },
  });
  if (!row || row.revokedAt || !row.user.email) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.user.id, email: row.user.email };
}
