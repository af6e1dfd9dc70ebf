import { NextResponse } from "next/server";
import { appUrl } from "@/env";
import { currentUser } from "@/lib/auth";
import { verifyFollowIntent } from "@/lib/auth/follow-intent";
import { authSecret } from "@/lib/auth/secret";
import { PlanLimitError } from "@/lib/data/errors";
import { followVendor } from "@/lib/data/subscriptions";

const to = (path: string) => NextResponse.redirect(new URL(path, appUrl()), 303);

/**
 * Where a sign-in that started at "Monitor <vendor>" lands. The follow happens only with an intent
 * signed for the signed-in address (see lib/auth/follow-intent.ts); otherwise the dashboard asks.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const slug = params.get("vendor") ?? "";
  const user = await currentUser();
  if (!user) return to(`/login?${new URLSearchParams({ follow: slug })}`);
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return to("/dashboard");
  if (!verifyFollowIntent(params.get("intent") ?? "", user.email, slug, await authSecret()))
    return to(`/dashboard?${new URLSearchParams({ confirm: slug })}`);
  try {
    await followVendor(user.id, slug);
    return to(`/dashboard?${new URLSearchParams({ followed: slug })}`);
  } catch (error) {
    if (error instanceof PlanLimitError) return to(`/dashboard?${new URLSearchParams({ refused: slug })}`);
    return to("/dashboard");
  }
}
