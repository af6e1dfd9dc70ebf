import { FetchError } from "../net/fetch-error";
import { ParseError } from "./provider";

export const PROVIDER_ERROR_KINDS = [
  "unreachable",
  "timeout",
  "blocked",
  "http_error",
  "too_large",
  "unrecognised",
  "invalid_payload",
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly tried?: string[];

  constructor(
    kind: ProviderErrorKind,
    message: string,
    extra: { url?: string; status?: number; tried?: string[] } = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.kind = kind;
    this.url = extra.url;
    this.status = extra.status;
    this.tried = extra.tried;
  }
}

/** Classifies anything thrown while polling; nothing escapes as a bare Error. */
export function toProviderError(err: unknown, url?: string): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof FetchError) return new ProviderError(err.kind, err.message, { url: err.url, status: err.status });
  if (err instanceof ParseError)
    return new ProviderError("invalid_payload", `invalid payload: ${url ? `${url}: ` : ""}${err.message}`, { url });
  const msg = err instanceof Error ? err.message : String(err);
  return new ProviderError("invalid_payload", `invalid payload: ${url ? `${url}: ` : ""}${msg}`, { url });
}
