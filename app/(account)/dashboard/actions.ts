"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { type ActionResult, authedAction } from "@/lib/actions/authed";
import { slugSchema } from "@/lib/actions/schemas";
import { IMPACTS } from "@/lib/domain/vocabulary";
import { addVendorForUser } from "@/lib/data/add-vendor-for-user";
import { joinWaitlist } from "@/lib/data/account";
import { EVENT_MODES, followVendor, unfollowVendor, updateSubscription } from "@/lib/data/subscriptions";

/** Dashboard actions: each one resolves the session itself and acts only on that user's rows. */

export const followFromDashboard = authedAction(z.object({ slug: slugSchema }), async (user, { slug }) => {
  const result = await followVendor(user.id, slug);
  refresh();
  return result;
});

export const removeVendor = authedAction(z.object({ slug: slugSchema }), async (user, { slug }) => {
  await unfollowVendor(user.id, slug);
  refresh();
  return null;
});

const subscriptionSettings = z.object({
  slug: slugSchema,
  components: z.union([z.literal("all"), z.array(z.string().min(1).max(200)).max(1000)]),
  minimumImpact: z.enum(IMPACTS),
  maintenances: z.boolean(),
  eventMode: z.enum(EVENT_MODES),
});

export const saveSubscription = authedAction(subscriptionSettings, async (user, { slug, ...patch }) => {
  await updateSubscription(user.id, slug, patch);
  refresh();
  return null;
});

export type AddByUrlResult = ActionResult<{ slug: string; name: string; created: boolean }>;

export const addByUrl = authedAction(
  z.object({ url: z.string().trim().min(1, "Paste the address of a status page.").max(2000) }),
  async (user, { url }) => {
    const result = await addVendorForUser(user.id, url);
    refresh();
    return result;
  },
);

export const joinProWaitlist = authedAction(z.object({}), async (user) => {
  await joinWaitlist(user.id);
  refresh();
  return null;
});
