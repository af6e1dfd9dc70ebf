import { z } from "zod";
import { mapEnum, parseJson, under, type Provider } from "./provider";
import { toUtc, toUtcOrNull } from "./time";
import type { Impact, Status } from "@/lib/domain/vocabulary";

/** Better Stack `/index.json`, JSON:API (docs/providers.md, "Better Stack"; documented shape, no recorded payload). */
const rel = z
  .object({ data: z.union([z.object({ id: z.string() }), z.array(z.object({ id: z.string() }))]).nullish() })
  .nullish();
const resource = z.object({
  id: z.string(),
  type: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  relationships: z.record(z.string(), rel).nullish(),
});
const schema = z.object({
  data: z.object({
    type: z.literal("status_page"),
    attributes: z.object({ aggregate_state: z.string() }).passthrough(),
  }),
  included: z.array(resource).nullish(),
});
type Res = z.output<typeof resource>;

const STATE: Record<string, Status> = {
  operational: "operational",
  degraded: "degraded",
  downtime: "major_outage",
  maintenance: "maintenance",
};
const IMPACT: Record<string, Impact> = {
  operational: "none",
  maintenance: "none",
  degraded: "minor",
  downtime: "critical",
};

const str = (r: Res, k: string): string | null => {
  const v = r.attributes[k];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
};
const relIds = (r: Res, k: string): string[] => {
  const d = r.relationships?.[k]?.data;
  return d ? (Array.isArray(d) ? d.map((x) => x.id) : [d.id]) : [];
};

export const betterstack: Provider = {
  id: "betterstack",
  matchesHost: (url) => url.hostname.endsWith(".betteruptime.com"),
  defaultEndpoint: (base) => under(base, "index.json"),
  resources: (base, endpoint) => [{ key: "index", url: endpoint ?? under(base, "index.json") }],
  parse(bodies, ctx) {
    const doc = parseJson(bodies.index, schema, "betterstack index.json");
    const inc = doc.included ?? [];
    const sections = new Map(inc.filter((r) => r.type === "status_page_section").map((r) => [r.id, str(r, "name")]));
    const components = inc
      .filter((r) => r.type === "status_page_resource")
      .map((r) => {
        const sectionId = str(r, "status_page_section_id") ?? relIds(r, "status_page_section")[0];
        return {
          id: r.id,
          name: str(r, "public_name") ?? str(r, "name") ?? r.id,
          group: (sectionId && sections.get(sectionId)) || null,
          status: mapEnum(STATE, str(r, "status"), "unknown"),
        };
      });
    const updatesOf = (id: string) =>
      inc
        .filter(
          (u) =>
            u.type === "status_update" &&
            (relIds(u, "status_report").includes(id) || str(u, "status_report_id") === id),
        )
        .map((u) => ({ body: str(u, "message") ?? "", at: toUtc(str(u, "published_at") ?? "") }));
    const reports = inc.filter((r) => r.type === "status_report");
    const affected = (r: Res) => {
      const a = r.attributes.affected_resources;
      return Array.isArray(a)
        ? a.flatMap((x) =>
            x && typeof x === "object" && "status_page_resource_id" in x ? [String(x.status_page_resource_id)] : [],
          )
        : [];
    };
    return {
      provider: "betterstack",
      status: mapEnum(STATE, doc.data.attributes.aggregate_state, "unknown"),
      components,
      incidents: reports
        .filter((r) => str(r, "report_type") !== "maintenance")
        .map((r) => {
          const resolvedAt = toUtcOrNull(str(r, "resolved_at") ?? str(r, "ends_at"));
          const status = resolvedAt ? ("resolved" as const) : ("investigating" as const);
          return {
            id: r.id,
            title: str(r, "title") ?? r.id,
            status,
            impact: mapEnum(IMPACT, str(r, "aggregate_state"), "minor"),
            startedAt: toUtc(str(r, "starts_at") ?? str(r, "created_at") ?? ""),
            resolvedAt,
            url: ctx.baseUrl ? `${ctx.baseUrl}/incidents/${r.id}` : null,
            componentIds: affected(r),
            updates: updatesOf(r.id).map((u) => ({ ...u, status })),
          };
        }),
      maintenances: reports
        .filter((r) => str(r, "report_type") === "maintenance")
        .map((r) => {
          const from = toUtcOrNull(str(r, "starts_at"));
          const until = toUtcOrNull(str(r, "ends_at"));
          const now = ctx.now ?? Date.now();
          const status =
            until && Date.parse(until) <= now
              ? "completed"
              : from && Date.parse(from) <= now
                ? "in_progress"
                : "scheduled";
          return {
            id: r.id,
            title: str(r, "title") ?? r.id,
            status,
            scheduledFor: from,
            scheduledUntil: until,
            componentIds: affected(r),
          };
        }),
    };
  },
};
