import type { FeedIncident, FeedInput } from "@/lib/feeds/types";

/** Hostile-looking vendor text on purpose: every builder must escape it. */
export const NASTY = `Outage <script>alert("x")</script> & "quotes" 'apos' ]]> <img src=x onerror=alert(1)>`;

export function incident(overrides: Partial<FeedIncident> = {}): FeedIncident {
  return {
    id: "abc/1 2",
    title: NASTY,
    status: "resolved",
    impact: "major",
    startedAt: "2026-11-20T10:00:00.000Z",
    resolvedAt: "2026-11-20T11:30:00.000Z",
    url: "https://status.example.com/incidents/abc",
    updates: [
      {
        status: "investigating",
        body: "We are looking <b>into</b> it.\nSecond line & more",
        at: "2026-11-20T10:05:00.000Z",
      },
      { status: "resolved", body: NASTY, at: "2026-11-20T11:30:00.000Z" },
    ],
    ...overrides,
  };
}

export function feedInput(incidents: FeedIncident[] = [incident()]): FeedInput {
  return {
    vendor: { slug: "acme", name: `Acme & <Co>`, statusPageUrl: "https://status.acme.test" },
    incidents,
    baseUrl: "https://vw.example.org",
    now: new Date("2026-11-21T00:00:00.000Z"),
  };
}
