import { describe, expect, it } from "vitest";
import { isStorableText } from "@/lib/text/storable";

describe("isStorableText", () => {
  it("accepts any well-formed text, including non-Latin scripts and emoji", () => {
    for (const text of ["", "acme", "Ünïcödé", "東京", "😀 ok", "tab\tand\nnewline"])
      expect(isStorableText(text)).toBe(true);
  });

  it("refuses NUL and lone surrogates", () => {
    for (const text of ["\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uDE00\uD83D"])
      expect(isStorableText(text)).toBe(false);
  });
});
