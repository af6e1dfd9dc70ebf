import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

const SIGNING_KEY = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
vi.hoisted(() => {
  process.env.INNGEST_SIGNING_KEY = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";
});

const { GET, PUT } = await import("@/app/api/inngest/route");
const { functions } = await import("@/inngest/index");
const { inngestIntrospect, inngestSignature } = await import("@/test/support/inngest-sign");

const send = (request: Request) => {
  const handler = request.method === "PUT" ? PUT : GET;
  return handler(new NextRequest(request), {});
};

describe("/api/inngest with Inngest configured (cloud or self-hosted)", () => {
  it("answers the server's signed introspection and in-band sync with every function", async () => {
    const { introspection, sync } = await inngestIntrospect("http://app.test/api/inngest", SIGNING_KEY, send);
    expect(introspection.status).toBe(200);
    expect(introspection.body).toMatchObject({
      authentication_succeeded: true,
      mode: "cloud",
      has_signing_key: true,
      has_event_key: true,
      api_origin: "http://127.0.0.1:9",
    });
    expect(sync.status).toBe(200);
    const ids = (sync.body.functions ?? []).map((f) => f.id);
    // Every function (the SDK adds a failure handler for each onFailure).
    for (const f of functions) expect(ids).toContain(f.id("vendorwatch"));
    expect(ids).toContain("vendorwatch-poll-vendor-failure");
    expect(introspection.body.function_count).toBe(ids.length);
  });

  it("tells an unsigned or wrongly signed caller nothing beyond the function count", async () => {
    const unsigned = await GET(new NextRequest("http://app.test/api/inngest"), {});
    expect(unsigned.status).toBe(401);
    const forged = await GET(
      new NextRequest("http://app.test/api/inngest", {
        headers: { "x-inngest-signature": inngestSignature("signkey-prod-00ff", "") },
      }),
      {},
    );
    expect(forged.status).toBe(401);
  });
});
