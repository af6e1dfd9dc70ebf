import type { z } from "zod";
import { type SessionUser, currentUser } from "@/lib/auth";
import { InvalidInputError, NotFoundError, PlanLimitError, RateLimitedError } from "@/lib/data/errors";

/**
 * The one wrapper for account server actions: it resolves the session (actions are public POST
 * endpoints, whatever page rendered them), parses the input with zod, runs the data-layer call
 * with the session's user, and maps the data layer's typed errors to results the UI can show.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: "unauthorized" | "invalid" | "not_found" | "rate_limited"; message: string; field?: string }
  | { ok: false; error: "plan_limit"; message: string; limit: number; count: number };

export function failure(error: unknown): Exclude<ActionResult<never>, { ok: true }> {
  if (error instanceof PlanLimitError)
    return { ok: false, error: "plan_limit", message: error.message, limit: error.limit, count: error.count };
  if (error instanceof NotFoundError) return { ok: false, error: "not_found", message: "That no longer exists." };
  if (error instanceof InvalidInputError)
    return { ok: false, error: "invalid", message: error.message, field: error.field };
  if (error instanceof RateLimitedError) return { ok: false, error: "rate_limited", message: error.message };
  throw error;
}

export function authedAction<S extends z.ZodType, T>(
  schema: S,
  run: (user: SessionUser, input: z.infer<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await currentUser();
    if (!user) return { ok: false, error: "unauthorized", message: "Your session has ended. Sign in again." };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: "invalid", message: issue?.message ?? "Invalid input.", field: issue?.path.join(".") };
    }
    try {
      return { ok: true, data: await run(user, parsed.data) };
    } catch (error) {
      return failure(error);
    }
  };
}
