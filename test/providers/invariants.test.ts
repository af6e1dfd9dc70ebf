import { describe, expect, it } from "vitest";
import { isClosedIncidentStatus } from "@/lib/domain/vocabulary";
import { parsePayload } from "@/lib/providers/index";
import type { Snapshot } from "@/lib/providers/types";
import { PAYLOADS } from "../fixtures/manifest";
import { fixture } from "../fixture-server";

/**
 * What every snapshot promises, whatever the provider, checked on every recorded payload: the
 * monitor, the pages and the notification filters rely on these without re-checking them.
 */
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

function dangling(s: Snapshot): string[] {
  const components = new Set(s.components.map((c) => c.id));
  return [
    ...s.incidents.flatMap((i) => i.componentIds.filter((id) => !components.has(id)).map((id) => `${i.id} -> ${id}`)),
    ...s.maintenances.flatMap((m) =>
      m.componentIds.filter((id) => !components.has(id)).map((id) => `${m.id} -> ${id}`),
    ),
  ];
}

describe.each(PAYLOADS.map((p) => [p.file, p] as const))("%s", (_file, p) => {
  const s = parsePayload(
    p.provider,
    { [p.key]: fixture(p.file).toString("utf8") },
    { now: Date.parse("2026-01-01T00:00:00Z") },
  );

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
