export const FETCH_ERROR_KINDS = ["unreachable", "timeout", "blocked", "http_error", "too_large"] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

/** Every failure of the fetch helper, classified so callers never parse messages. */
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "FetchError";
  }

  /** Network errors and 5xx may be transient; 4xx, blocks and size overruns never are. */
  get retryable(): boolean {
    if (this.kind === "unreachable" || this.kind === "timeout") return true;
    return this.kind === "http_error" && this.status !== undefined && this.status >= 500;
  }
}
