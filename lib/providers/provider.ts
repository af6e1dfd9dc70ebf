import { type z } from "zod";
import type { ProviderId, Snapshot, SnapshotComponent } from "./types";

/** A response body that is not the payload we expected (bad JSON, wrong shape). */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParseError";
  }
}

/** One URL a provider reads per poll. Optional ones may 4xx without failing the poll. */
export interface Resource {
  key: string;
  url: string;
  optional?: boolean;
}

/** Bodies by resource key (see each provider's `resources`). */
export type Bodies = Record<string, string | undefined>;

export interface ParseContext {
  /** Status page URL (no trailing slash); used for incident links. */
  baseUrl?: string;
  /** IANA zone for payloads with naive local times (Cachet). */
  timeZone?: string | null;
  /** Clock for time-derived statuses (maintenance windows); tests pin it. */
  now?: number;
}

export interface Provider {
  id: ProviderId;
  /** Detection by host (docs/providers.md, "Detection", step 1). */
  matchesHost?(url: URL): boolean;
  /** Endpoint to store when detected by host alone. */
  defaultEndpoint?(base: URL): string;
  /** What to GET for one poll, resolved against the status page (or the stored endpoint). */
  resources(base: URL, endpoint: string | null): Resource[];
  /** Pure: bodies in, snapshot out. Throws ParseError on anything unexpected. */
  parse(bodies: Bodies, ctx: ParseContext): Snapshot;
}

/** `base` path + relative path, keeping any path prefix (http://h/acme + api/x -> http://h/acme/api/x). */
export function under(base: URL, rel: string): string {
  const u = new URL(base.href);
  u.pathname = `${u.pathname.replace(/\/+$/, "")}/${rel.replace(/^\/+/, "")}`;
  u.search = "";
  u.hash = "";
  return u.href;
}

/** JSON.parse + zod, both failures as ParseError. */
export function parseJson<S extends z.ZodType>(body: string | undefined, schema: S, label: string): z.output<S> {
  if (body === undefined) throw new ParseError(`${label}: missing body`);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new ParseError(`${label}: not JSON`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ParseError(`${label}: unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? ""}`);
  }
  return result.data;
}

/** Looks a value up in a mapping table; anything unlisted gets `fallback`. */
export function mapEnum<T extends string>(
  table: Record<string, T>,
  value: string | number | null | undefined,
  fallback: T,
): T {
  if (value === null || value === undefined) return fallback;
  return Object.hasOwn(table, String(value)) ? (table[String(value)] ?? fallback) : fallback;
}

/**
 * Drops component ids the snapshot does not list (a group row, a hidden or deleted component), so
 * incidents and maintenances only ever name components of the same snapshot.
 */
export function onlyListedComponents<T extends { componentIds: string[] }>(
  items: readonly T[],
  components: readonly SnapshotComponent[],
): T[] {
  const listed = new Set(components.map((c) => c.id));
  return items.map((x) => ({ ...x, componentIds: x.componentIds.filter((id) => listed.has(id)) }));
}
