import type http from "node:http";

/**
 * The client's address as our own server saw it, for rate limits. Route handlers and server
 * actions cannot see the socket, so the server stamps this header on every request after
 * deleting whatever the client sent under that name: only our value ever reaches the app.
 */
export const CLIENT_IP_HEADER = "x-vendorwatch-client-ip";

/**
 * Behind a trusted reverse proxy the socket is the proxy; the client is the last address the
 * proxy appended to X-Forwarded-For (earlier entries are whatever the client claimed).
 */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const last = forwarded.at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export function stampClientIp(req: http.IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy);
}

/** Reads the stamped address; "unknown" outside our server (a test calling a handler directly). */
export function clientIpOf(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
