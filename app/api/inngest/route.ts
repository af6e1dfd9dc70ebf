import { type NextRequest, NextResponse } from "next/server";
import { serve } from "inngest/next";
import { env, inngestIsExternal } from "@/env";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";

export const dynamic = "force-dynamic";

const handler = serve({
  client: inngest,
  functions,
  servePath: "/api/inngest",
  ...(env.INNGEST_SERVE_ORIGIN ? { serveOrigin: env.INNGEST_SERVE_ORIGIN } : {}),
});

/**
 * Without Inngest configured, `npm start` runs these functions in-process and nothing is served
 * here: say so plainly instead of the SDK's "In cloud mode but no signing key found" 500.
 */
const notConfigured = () =>
  NextResponse.json(
    {
      error: "inngest_not_configured",
      message:
        "Inngest is not configured: the functions run in-process (the embedded scheduler). Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY (and INNGEST_BASE_URL for a self-hosted server), or INNGEST_DEV=1, to serve them here.",
      functions: functions.map((f) => f.id()),
    },
    { status: 404, headers: { "cache-control": "no-store" } },
  );

const route = (method: "GET" | "POST" | "PUT") => (request: NextRequest, context: unknown) =>
  inngestIsExternal() ? handler[method](request, context) : Promise.resolve(notConfigured());

export const GET = route("GET");
export const POST = route("POST");
export const PUT = route("PUT");
