import { createHmac } from "node:crypto";

/**
 * What an Inngest server sends in X-Inngest-Signature: `t=<unix seconds>&s=<hex HMAC-SHA256 of
 * body + t>`, keyed with the signing key (its `signkey-<env>-` prefix removed) as text.
 */
export function inngestSignature(signingKey: string, body: string, at = new Date()): string {
  const t = Math.round(at.getTime() / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${t}&s=${createHmac("sha256", key)
    .update(body + t)
    .digest("hex")}`;
}

/**
 * GET (introspection) and in-band PUT (sync) of an app's Inngest endpoint, signed as the server
 * signs them. `send` is fetch over HTTP, or a route handler called in-process.
 */
export async function inngestIntrospect(
  endpoint: string,
  signingKey: string,
  send: (request: Request) => Promise<Response> = (r) => fetch(r),
) {
  const get = await send(
    new Request(endpoint, { headers: { "x-inngest-signature": inngestSignature(signingKey, "") } }),
  );
  const body = JSON.stringify({ url: endpoint });
  const put = await send(
    new Request(endpoint, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        "x-inngest-sync-kind": "in_band",
        "x-inngest-signature": inngestSignature(signingKey, body),
      },
      body,
    }),
  );
  return {
    introspection: { status: get.status, body: (await get.json()) as Record<string, unknown> },
    sync: { status: put.status, body: (await put.json()) as { functions?: Array<{ id: string }> } },
  };
}
