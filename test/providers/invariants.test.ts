import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isClosedIncidentStatus } from "@/lib/domain/vocabulary";
import { parsePayload } from "@/lib/providers/index";
import type { Snapshot } from "@/lib/providers/types";
import { HTML_PAGES, PAYLOADS } from "../fixtures/manifest";
import { fixture } from "../fixture-server";

/**
 * What every snapshot promises, whatever the provider (docs/providers.md, "Rules for every
 * provider"), checked on every recorded payload: the monitor, the pages and the notification
 * filters rely on these without checking them again.
 */
const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const onDisk = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(`${root}${d.name}`).map((f) => `${d.name}/${f}`))
  .sort();

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

function dangling(s: Snapshot): string[] {
  const components = new Set(s.components.map((c) => c.id));
  const named = [...s.incidents, ...s.maintenances];
  return named.flatMap((x) => x.componentIds.filter((id) => !components.has(id)).map((id) => `${x.id} -> ${id}`));
}

it("the manifest lists every file under test/fixtures", () => {
  expect([...PAYLOADS.map((p) => p.file), ...HTML_PAGES].sort()).toEqual(onDisk);
});

describe.each(PAYLOADS.map((p) => [p.file, p] as const))("%s", (_file, p) => {
  const s = parsePayload(
    p.provider,
    { [p.key]: fixture(p.file).toString("utf8") },
    { now: Date.parse("2026-01-01T00:00:00Z") },
  );

  it("parses, with UTC Z timestamps only", () => {
    expect(s.provider).toBe(p.provider);
    const times = [
      ...s.incidents.flatMap((i) => [i.startedAt, i.resolvedAt, ...i.updates.map((u) => u.at)]),
      ...s.maintenances.flatMap((m) => [m.scheduledFor, m.scheduledUntil]),
    ].filter((t): t is string => t !== null);
    for (const t of times) expect(t).toMatch(ISO_Z);
  });

  it("incidents and maintenances name only components of the same snapshot", () => {
    expect(dangling(s)).toEqual([]);
  });

  it("ids are unique (components, incidents, maintenances)", () => {
    expect(duplicates(s.components.map((c) => c.id))).toEqual([]);
    expect(duplicates(s.incidents.map((i) => i.id))).toEqual([]);
    expect(duplicates(s.maintenances.map((m) => m.id))).toEqual([]);
  });

  it("an open incident is never hidden by an operational page status", () => {
    const open = s.incidents.filter((i) => !isClosedIncidentStatus(i.status));
    if (open.length > 0) expect(s.status).not.toBe("operational");
  });
});
