"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed";
import { slugSchema } from "@/lib/actions/schemas";
import { followVendor } from "@/lib/data/subscriptions";

/** "Monitor <vendor>" on a vendor page (the island) and elsewhere: follow with every component. */
export const followAction = authedAction(z.object({ slug: slugSchema }), (user, { slug }) =>
  followVendor(user.id, slug),
);
