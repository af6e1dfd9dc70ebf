import { z } from "zod";
import { slugSchema } from "@/lib/actions/schemas";
import { invalid, json, jsonBody, withToken } from "@/lib/api/me";
import { toApiSubscription } from "@/lib/api/subscription-view";
import { listMySubscriptions } from "@/lib/data/my-subscriptions";
import { followVendor } from "@/lib/data/subscriptions";

const body = z
  .object({
    vendor: slugSchema,
    components: z.array(z.string().min(1).max(200)).min(1).max(1000).optional(),
  })
  .strict();

/**
 * POST /api/v1/me/subscriptions `{ "vendor": "<slug>", "components": ["<id>", ...]? }`: follows the
 * vendor (all components, or those given), or changes the components of one already followed.
 * 201 when it is new, 200 otherwise; the same plan limit and validation as the dashboard.
 */
export const POST = withToken(async (user, request) => {
  const raw = await jsonBody(request);
  if (!raw.ok) return raw.response;
  const parsed = body.safeParse(raw.value);
  if (!parsed.success) return invalid(parsed.error.issues);
  const { vendor, components } = parsed.data;
  const result = await followVendor(user.id, vendor, components ? { components } : {});
  const sub = (await listMySubscriptions(user.id)).find((s) => s.vendor.slug === vendor);
  return json(
    { subscription: sub ? toApiSubscription(sub) : null, count: result.count, limit: result.limit },
    result.created ? 201 : 200,
  );
});
