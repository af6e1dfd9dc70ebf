import { describe, expect, it } from "vitest";
import { isReadableTarget } from "@/lib/runtime/request-target";

describe("isReadableTarget", () => {
  it("accepts plain and percent-encoded UTF-8 in paths and queries", () => {
    for (const target of [
      "/",
      "/vendors/acme",
      "/vendors/acme/incidents/a%2Fb%20c",
      "/vendors?q=caf%C3%A9&page=2",
      "/vendors?q=%E6%9D%B1%E4%BA%AC",
      "/vendors?q=%F0%9F%98%80",
      "/vendors?q=100%",
      "/vendors?q=50%25off",
    ])
      expect(isReadableTarget(target), target).toBe(true);
  });

  it("refuses NUL anywhere, and escapes that are not UTF-8", () => {
    for (const target of [
      "/vendors/%00",
      "/vendors/a%00b/feed.rss",
      "/api/v1/vendors?q=%00",
      "/vendors?category=x%00",
      "/vendors/%FF",
      "/vendors?q=caf%E9",
      "/vendors/%C0%80", // overlong NUL
      "/vendors/%ED%A0%80", // a UTF-16 surrogate written as UTF-8
      "/vendors/%F4%90%80%80", // past U+10FFFF
      "/vendors/%E6%9D", // truncated sequence
      "/a\u0000b",
    ])
      expect(isReadableTarget(target), target).toBe(false);
  });
});
