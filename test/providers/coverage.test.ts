import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { HTML_PAGES, PAYLOADS } from "../fixtures/manifest";
import { fixture } from "../fixture-server";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const onDisk = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(`${root}${d.name}`).map((f) => `${d.name}/${f}`))
  .sort();

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("every recorded payload is covered", () => {
  it("the manifest lists every file under test/fixtures", () => {
    expect([...PAYLOADS.map((p) => p.file), ...HTML_PAGES].sort()).toEqual(onDisk);
  });

  it.each(PAYLOADS.map((p) => [p.file, p] as const))("%s parses with UTC Z timestamps only", (_f, p) => {
    const s = parsePayload(
      p.provider,
      { [p.key]: fixture(p.file).toString("utf8") },
      { now: Date.parse("2026-01-01T00:00:00Z") },
    );
    expect(s.provider).toBe(p.provider);
    const times = [
      ...s.incidents.flatMap((i) => [i.startedAt, i.resolvedAt, ...i.updates.map((u) => u.at)]),
      ...s.maintenances.flatMap((m) => [m.scheduledFor, m.scheduledUntil]),
    ].filter((t): t is string => t !== null);
    for (const t of times) expect(t).toMatch(ISO_Z);
    const ids = s.components.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
