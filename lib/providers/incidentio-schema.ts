import { z } from "zod";

/** incident.io native `/proxy/<host>` JSON (docs/providers.md, "incident.io"). */

const str = z.string();

export const ioComponentRef = z.object({
  component_id: str,
  name: z.string().nullish(),
  hidden: z.boolean().nullish(),
});

export const ioStructureItem = z.object({
  group: z.object({ id: str, name: str, components: z.array(ioComponentRef).nullish() }).nullish(),
  component: ioComponentRef.nullish(),
});

export const ioIncident = z.object({
  id: str,
  name: str,
  status: str,
  type: z.string().nullish(),
  published_at: z.string().nullish(),
  updates: z.array(z.object({ published_at: str, message_string: z.string().nullish(), to_status: str })).nullish(),
  component_impacts: z
    .array(z.object({ component_id: str, start_at: str, end_at: z.string().nullish(), status: str }))
    .nullish(),
  status_summaries: z
    .array(z.object({ start_at: str, end_at: z.string().nullish(), worst_component_status: str }))
    .nullish(),
  affected_components: z
    .array(z.object({ component_id: str, status: z.string().nullish(), current_status: z.string().nullish() }))
    .nullish(),
});

export const ioSummary = z.object({
  summary: z.object({
    id: z.string().nullish(),
    name: z.string().nullish(),
    public_url: z.string().nullish(),
    components: z.array(z.object({ id: str, name: str })).nullish(),
    structure: z.object({ items: z.array(ioStructureItem) }).nullish(),
    affected_components: z.array(z.object({ component_id: str, status: str })).nullish(),
    ongoing_incidents: z.array(ioIncident).nullish(),
    scheduled_maintenances: z.array(ioIncident).nullish(),
  }),
});

export const ioIncidents = z.object({ incidents: z.array(ioIncident) });

export type IoIncident = z.output<typeof ioIncident>;
export type IoSummary = z.output<typeof ioSummary>["summary"];
