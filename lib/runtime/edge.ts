import type http from "node:http";
import { logger } from "@/lib/log";
import { isReadableTarget } from "@/lib/runtime/request-target";
import type { Refusal, VendorGate } from "@/lib/runtime/vendor-gate";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const log = logger("server");

/**
 * No route matches it (app/ folders starting with "_" are private), so Next answers it with the
 * not-found page it prerendered at build time: a 404 that renders nothing and writes nothing.
 */
export const NOT_FOUND_PATH = "/_vendorwatch/not-found";

function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Exclude<Refusal, { kind: "page" }>) {
  if (refusal.kind === "json") send(req, res, 404, "application/json", JSON.stringify(refusal.body));
  else send(req, res, 404, "text/plain", refusal.body);
}

/**
 * The target as Next will route it: dot segments resolved (`/vendors/acme/../x` is `/vendors/x`
 * to Next, `%2e` included) and an absolute-form target (`GET http://host/vendors/x`, which
 * HTTP/1.1 allows) reduced to its path. Checking anything else would let such a spelling past.
 */
function originForm(target: string): string | null {
  try {
    // Prefixed rather than resolved against a base, so `//vendors/x` stays a path, not a host.
    const url = new URL(target.startsWith("/") ? `http://origin${target}` : target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * What every request passes before Next: a target that does not decode to storable text is a 400
 * (JSON under /api, text elsewhere), and a vendor or incident address naming nothing is a 404 in
 * its family's shape. Everything else goes on to `next`.
 */
export function edge(gate: VendorGate, next: Handler): Handler {
  return (req, res) => {
    const target = originForm(req.url ?? "/");
    if (target === null || !isReadableTarget(target)) {
      const message = "the address holds bytes that are not UTF-8 text (or a NUL)";
      if (target?.startsWith("/api/")) send(req, res, 400, "application/json", JSON.stringify({ error: message }));
      else send(req, res, 400, "text/plain", `Bad request: ${message}.\n`);
      return;
    }
    req.url = target;
    const checked = gate.check(target);
    if (!checked) return next(req, res);
    checked.then(
      (refusal) => {
        if (!refusal) return next(req, res);
        if (refusal.kind !== "page") return refuse(req, res, refusal);
        req.url = NOT_FOUND_PATH;
        next(req, res);
      },
      // The database is unreachable: Next may still hold the page, so let it answer.
      (err: unknown) => {
        log.warn("gate.lookup_failed", { path: target.split("?", 1)[0], err });
        next(req, res);
      },
    );
  };
}
