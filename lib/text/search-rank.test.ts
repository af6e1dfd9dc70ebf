import { describe, expect, it } from "vitest";
import { rankByMatch } from "./search-rank";

const names = (list: string[]) => list.map((name) => ({ name }));

describe("rankByMatch", () => {
  it("puts the exact name, then prefixes, then word starts before names that merely contain the text", () => {
    const found = names([
      "CoachHub - The digital coaching platform",
      "Digital Pacific",
      "GitHub",
      "GitLab",
      "My Git Host",
      "Legit",
    ]);
    expect(rankByMatch(found, "git").map((v) => v.name)).toEqual([
      "GitHub",
      "GitLab",
      "My Git Host",
      "CoachHub - The digital coaching platform",
      "Digital Pacific",
      "Legit",
    ]);
    expect(rankByMatch(found, "GITHUB")[0]?.name).toBe("GitHub");
  });

  it("keeps the given order without a query", () => {
    const found = names(["b", "a"]);
    expect(rankByMatch(found, "  ")).toEqual(found);
  });
});
