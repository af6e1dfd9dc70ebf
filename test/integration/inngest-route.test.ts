import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { functions } from "@/inngest/index";

describe("/api/inngest without Inngest configured (the embedded default)", () => {
  it("answers a clear JSON 404 for every method, naming the in-process functions", async () => {
    for (const handler of [GET, POST, PUT]) {
      const res = await handler(new NextRequest("http://localhost/api/inngest", { method: "GET" }), {});
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: string; message: string; functions: string[] };
      expect(body.error).toBe("inngest_not_configured");
      expect(body.message).toMatch(/^Inngest is not configured: the functions run in-process/);
      expect(body.functions).toEqual(functions.map((f) => f.id()));
    }
  });
});
