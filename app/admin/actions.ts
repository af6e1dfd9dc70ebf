"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAdmin } from "@/lib/admin";
import { logger } from "@/lib/log";
import {
  AdminActionError,
  pollVendorNow,
  redetectVendor,
  redispatchPendingEvents,
  retryDelivery,
  setVendorEnabled,
  setVendorProvider,
} from "@/lib/ops/vendor-admin";

/**
 * The console's actions: each checks the admin again (a server action is a public endpoint),
 * validates its form, calls one function of lib/ops/vendor-admin.ts, and comes back to the page
 * with what happened. They work without JavaScript (plain form posts).
 */
const log = logger("admin");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/);

async function run(back: string, what: string, fields: Record<string, unknown>, act: () => Promise<string>) {
  const admin = await requireAdmin();
  let notice: string;
  try {
    notice = await act();
    log.info("action", { admin: admin.email, action: what, ...fields });
  } catch (error) {
    if (!(error instanceof AdminActionError)) throw error;
    notice = `Not done: ${error.message}`;
  }
  redirect(`${back}?${new URLSearchParams({ notice })}`);
}

const vendorForm = z.object({
  slug,
  action: z.enum(["enable", "disable", "provider", "redetect", "poll"]),
  provider: z.string().max(40).optional(),
  endpoint: z.string().max(2000).optional(),
});

export async function vendorAction(form: FormData) {
  await requireAdmin();
  const parsed = vendorForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect(`/admin?${new URLSearchParams({ notice: "Not done: that form was incomplete." })}`);
  const { slug: s, action, provider = "auto", endpoint = "" } = parsed.data;
  const back = `/admin/vendors/${s}`;
  await run(back, action, { vendor: s }, () => {
    if (action === "enable" || action === "disable") return setVendorEnabled(s, action === "enable");
    if (action === "provider") return setVendorProvider(s, provider, endpoint);
    if (action === "redetect") return redetectVendor(s);
    return pollVendorNow(s);
  });
}

export async function retryDeliveryAction(form: FormData) {
  const id = z.string().min(1).max(64).safeParse(form.get("id"));
  await run("/admin", "retry-delivery", { delivery: id.data }, () =>
    id.success ? retryDelivery(id.data) : Promise.reject(new AdminActionError("no delivery given")),
  );
}

export async function redispatchEventsAction() {
  await run("/admin", "redispatch-events", {}, () => redispatchPendingEvents());
}
