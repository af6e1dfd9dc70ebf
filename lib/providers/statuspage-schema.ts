import { z } from "zod";

/** Atlassian Statuspage v2 public API (docs/providers.md, "Statuspage"). Unknown keys are ignored; enums stay open. */

const str = z.string();
const optStr = z.string().nullish();

export const spComponent = z.object({
  id: str,
  name: str,
  status: str,
  group_id: optStr,
  group: z.boolean().nullish(),
  components: z.array(str).nullish(),
});

const affected = z.object({ code: optStr, name: optStr }).nullable();

export const spUpdate = z.object({
  status: str,
  body: z.string().nullish(),
  created_at: str,
  display_at: optStr,
  affected_components: z.array(affected).nullish(),
});

export const spIncident = z.object({
  id: str,
  name: str,
  status: str,
  impact: optStr,
  created_at: str,
  started_at: optStr,
  resolved_at: optStr,
  shortlink: optStr,
  incident_updates: z.array(spUpdate).nullish(),
  components: z.array(z.object({ id: str }).passthrough()).nullish(),
});

export const spMaintenance = spIncident.extend({
  scheduled_for: optStr,
  scheduled_until: optStr,
});

export const spPage = z.object({ id: str, name: optStr, url: optStr, time_zone: optStr });

export const spSummary = z.object({
  page: spPage,
  status: z.object({ indicator: str, description: optStr }),
  components: z.array(spComponent).nullish(),
  incidents: z.array(spIncident).nullish(),
  scheduled_maintenances: z.array(spMaintenance).nullish(),
});

export const spComponents = z.object({ page: spPage.optional(), components: z.array(spComponent) });
export const spIncidents = z.object({ page: spPage.optional(), incidents: z.array(spIncident) });
export const spMaintenances = z.object({ page: spPage.optional(), scheduled_maintenances: z.array(spMaintenance) });

export type SpComponent = z.output<typeof spComponent>;
export type SpIncident = z.output<typeof spIncident>;
export type SpMaintenance = z.output<typeof spMaintenance>;

/** 12-char base36 = Atlassian; 26-char Crockford base32 = incident.io's compatible layer. */
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const STATUSPAGE_ID = /^[0-9a-z]{12}$/;
