import type { AlertMessage, NoticeMessage } from "@/lib/notify/message";
import type { PostResult } from "@/lib/notify/http";

/** What a chat or webhook channel sends: an alert, or a "Send test". */
export type ChannelContent = { kind: "alert"; message: AlertMessage } | { kind: "test"; message: NoticeMessage };

export interface ChannelTarget {
  deliveryId: string;
  /** The channel's secret (generic webhooks sign with it). */
  secret: string | null;
  now: Date;
}

export interface ChannelRequest {
  url?: string;
  body: string;
  headers: Record<string, string>;
}

export interface SendOutcome {
  ok: boolean;
  /** False when trying again cannot help (the webhook is gone, the payload is refused). */
  retryable: boolean;
  /** The service asked us to wait (429 with Retry-After or retry_after). */
  retryAfterMs?: number;
  error: string | null;
}

export interface ChannelModule {
  build(content: ChannelContent, target: ChannelTarget): ChannelRequest;
  classify(result: PostResult): SendOutcome;
}

/** The shared reading of an answer: 2xx is delivered, 429 and 5xx and silence are worth a retry. */
export function classifyHttp(r: PostResult): SendOutcome {
  if (r.blocked) return { ok: false, retryable: false, error: r.error };
  if (r.status >= 200 && r.status < 300) return { ok: true, retryable: false, error: null };
  const snippet = r.body.slice(0, 200).trim();
  const error = r.status ? `HTTP ${r.status}${snippet ? `: ${snippet}` : ""}` : (r.error ?? "no answer");
  if (r.status === 429) {
    const header = Number(r.headers["retry-after"]);
    return { ok: false, retryable: true, error, retryAfterMs: Number.isFinite(header) ? header * 1000 : undefined };
  }
  const retryable = r.status === 0 || r.status >= 500 || r.status === 408;
  return { ok: false, retryable, error };
}
