import type { ActionResult } from "@/lib/actions/authed";

/** The answer of a settings action: "Saved." as a status, a refusal as an alert. */
export function ResultNote({ result, success = "Saved." }: { result: ActionResult<unknown> | null; success?: string }) {
  if (!result) return null;
  if (result.ok)
    return (
      <p role="status" className="text-sm">
        {success}
      </p>
    );
  return (
    <p role="alert" className="text-sm text-destructive">
      {result.message}
    </p>
  );
}
