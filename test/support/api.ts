import { GET as getVendors } from "@/app/api/v1/me/vendors/route";
import { POST as postSubscription } from "@/app/api/v1/me/subscriptions/route";
import { DELETE as deleteSubscription } from "@/app/api/v1/me/subscriptions/[slug]/route";

/** Calls the personal API's route handlers as an HTTP client would (real Request objects). */
const base = "http://localhost:3000/api/v1/me";
const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export async function apiGetVendors(token?: string) {
  return getVendors(new Request(`${base}/vendors`, { headers: auth(token) }), undefined);
}

export async function apiFollow(token: string | undefined, body: unknown, raw?: string) {
  return postSubscription(
    new Request(`${base}/subscriptions`, {
      method: "POST",
      headers: { ...auth(token), "content-type": "application/json" },
      body: raw ?? JSON.stringify(body),
    }),
    undefined,
  );
}

export async function apiUnfollow(token: string | undefined, slug: string) {
  return deleteSubscription(new Request(`${base}/subscriptions/${slug}`, { method: "DELETE", headers: auth(token) }), {
    params: Promise.resolve({ slug }),
  });
}
