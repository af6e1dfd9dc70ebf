import { json, withToken } from "@/lib/api/me";
import { listMySubscriptions, planUsage } from "@/lib/data/my-subscriptions";
import { toApiSubscription } from "@/lib/api/subscription-view";

/** GET /api/v1/me/vendors: the vendors the token's user monitors, and how. */
export const GET = withToken(async (user) => {
  const [subs, usage] = await Promise.all([listMySubscriptions(user.id), planUsage(user.id)]);
  return json({ vendors: subs.map(toApiSubscription), count: usage.count, limit: usage.plan.vendorLimit });
});
