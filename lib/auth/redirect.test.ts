import { describe, expect, it } from "vitest";
import { sameOriginPath, safeRedirectPath } from "@/lib/auth/redirect";

const origin = "https://vw.example";

describe("safeRedirectPath", () => {
  it("keeps paths on our origin, with their query", () => {
    expect(safeRedirectPath("/dashboard?follow=acme", origin)).toBe("/dashboard?follow=acme");
    expect(safeRedirectPath("https://vw.example/settings#email", origin)).toBe("/settings#email");
  });

  it("refuses other origins however they are spelled", () => {
    for (const evil of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "http://vw.example/", // another scheme is another origin
      "https://vw.example.evil.example/",
      "javascript:alert(1)",
    ])
      expect(safeRedirectPath(evil, origin), evil).toBe("/dashboard");
  });

  it("falls back on nothing, junk and sign-in pages", () => {
    expect(safeRedirectPath(undefined, origin)).toBe("/dashboard");
    expect(safeRedirectPath(42, origin)).toBe("/dashboard");
    expect(safeRedirectPath("/login?redirectTo=/login", origin)).toBe("/dashboard");
    expect(safeRedirectPath("/api/auth/signout", origin)).toBe("/dashboard");
    expect(safeRedirectPath("/x", origin, "/")).toBe("/x");
  });
});

describe("sameOriginPath", () => {
  it("allows any page of ours, sign-in pages included", () => {
    expect(sameOriginPath("/login?error=RateLimited", origin, "/")).toBe("/login?error=RateLimited");
    expect(sameOriginPath("https://vw.example", origin, "/x")).toBe("/");
    expect(sameOriginPath("//evil.example", origin, "/")).toBe("/");
  });
});
