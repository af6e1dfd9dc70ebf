import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

/**
 * The floor bench:poll compares the product with: a bare keep-alive node:http(s) client, no
 * product code, making the requests the product makes per vendor (the same endpoints, the same
 * request headers, conditional GET with the ETag the farm last returned, and when one endpoint
 * changed, the others again without validators, since a snapshot needs every body), with
 * JSON.parse and a sha256 of every body that came back.
 */
export interface FloorOptions {
  https: boolean;
  /** Sockets per host, as the product's per-host limit. */
  perHost: number;
  /** Vendors in flight, as the product's sweep. */
  concurrency: number;
  ca?: string;
  /** Where every host name goes (the farm's loopback address). */
  address: string;
}

const HEADERS = {
  "user-agent": "Vendorwatch/0.1 (+https://github.com/vendorwatch/vendorwatch)",
  accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  "accept-encoding": "gzip, deflate, br",
};

export function createFloor(o: FloorOptions) {
  const lookup: LookupFunction = (_host, opts, cb) =>
    opts.all ? cb(null, [{ address: o.address, family: 4 }]) : cb(null, o.address, 4);
  const agentOptions = { keepAlive: true, maxSockets: o.perHost, lookup, maxCachedSessions: 20_000 };
  const agent = o.https ? new https.Agent({ ...agentOptions, ca: o.ca }) : new http.Agent(agentOptions);
  const get = o.https ? https.get : http.get;
  const etags = new Map<string, string>();

  const one = (url: string, conditional = true) =>
    new Promise<number>((resolve, reject) => {
      const etag = conditional ? etags.get(url) : undefined;
      const req = get(url, { agent, headers: etag ? { ...HEADERS, "if-none-match": etag } : HEADERS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode === 200) {
            const body = Buffer.concat(chunks).toString("utf8");
            JSON.parse(body);
            createHash("sha256").update(body).digest("hex");
            if (typeof res.headers.etag === "string") etags.set(url, res.headers.etag);
          } else if (res.statusCode !== 304) return reject(new Error(`floor: ${url} answered ${res.statusCode}`));
          resolve(res.statusCode);
        });
        res.on("error", reject);
      });
      req.on("error", reject);
    });

  /** One poll of every vendor (each a list of URLs fetched together), `concurrency` vendors at once. */
  async function cycle(vendors: readonly (readonly string[])[]): Promise<{ ok: number; notModified: number }> {
    let next = 0;
    let ok = 0;
    let notModified = 0;
    const worker = async () => {
      while (next < vendors.length) {
        const urls = vendors[next++] ?? [];
        const statuses = await Promise.all(urls.map((u) => one(u)));
        const stale = statuses.includes(200) ? urls.filter((_, i) => statuses[i] === 304) : [];
        for (const status of [...statuses, ...(await Promise.all(stale.map((u) => one(u, false))))]) {
          if (status === 200) ok++;
          else notModified++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency, vendors.length) }, worker));
    return { ok, notModified };
  }

  return { cycle, close: () => agent.destroy() };
}
