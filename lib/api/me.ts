import { NextResponse } from "next/server";
import type { z } from "zod";
import { userForToken } from "@/lib/data/api-tokens";
import { InvalidInputError, NotFoundError, PlanLimitError } from "@/lib/data/errors";

/**
 * The personal API (/api/v1/me/*): a bearer token names the user; input is zod-parsed; the data
 * layer's typed errors become statuses: 400 with zod issues, 401 without a valid token, 404 for
 * anything that is not the caller's, 402 `{ "error": "plan_limit", "limit": N }` at the limit.
 */
export type TokenUser = { id: string; email: string };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  NextResponse.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

export const invalid = (issues: z.core.$ZodIssue[] | Array<{ code: string; path: PropertyKey[]; message: string }>) =>
  json({ error: "invalid_request", issues }, 400);

function bearer(request: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return m?.[1] ?? null;
}

export function withToken<C>(handler: (user: TokenUser, request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const token = bearer(request);
    const user = token ? await userForToken(token) : null;
    if (!user)
      return json(
        {
          error: "unauthorized",
          message: "Send a personal API token: Authorization: Bearer vw_... (create one in Settings).",
        },
        401,
        { "www-authenticate": 'Bearer realm="vendorwatch"' },
      );
    try {
      return await handler(user, request, context);
    } catch (error) {
      if (error instanceof PlanLimitError) return json({ error: "plan_limit", limit: error.limit }, 402);
      if (error instanceof NotFoundError) return json({ error: "not_found" }, 404);
      if (error instanceof InvalidInputError)
        return invalid([{ code: "custom", path: error.field ? [error.field] : [], message: error.message }]);
      throw error;
    }
  };
}

/** The request body as JSON, or a 400 that says it is not. */
export async function jsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false, response: invalid([{ code: "custom", path: [], message: "The body must be JSON." }]) };
  }
}

export { json };
