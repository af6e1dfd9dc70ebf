import { FetchError } from "@/lib/net/fetch-error";
import type { Fetcher } from "@/lib/providers";

export interface Traffic {
  /** What the poll's requests answered: the error status if one failed it, else 200 over 304. */
  httpStatus: number | null;
  /** Decoded body bytes of every answer; null when nothing answered. */
  bytes: number | null;
}

/**
 * Wraps a poll's fetcher to see what its requests answered (every provider reads through a
 * Fetcher, so this sees detection and each resource). One per poll: it keeps that poll's tally.
 */
export function measuredFetcher(inner: Fetcher): {
  fetcher: Fetcher;
  traffic(failure?: { status?: number }): Traffic;
} {
  let answered: number | null = null;
  let refused: number | null = null;
  let bytes: number | null = null;
  const fetcher: Fetcher = async (url, init) => {
    try {
      const res = await inner(url, init);
      if (answered === null || answered === 304) answered = res.status;
      bytes = (bytes ?? 0) + Buffer.byteLength(res.body);
      return res;
    } catch (err) {
      if (err instanceof FetchError && err.status !== undefined) refused ??= err.status;
      throw err;
    }
  };
  return {
    fetcher,
    // An optional resource that 404s does not fail a poll, so refusals show only on a failure.
    traffic: (failure) => ({
      httpStatus: failure ? (failure.status ?? refused ?? answered) : answered,
      bytes,
    }),
  };
}
