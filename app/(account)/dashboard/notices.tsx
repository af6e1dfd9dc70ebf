import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db";
import type { Plan } from "@/lib/plans";
import { FollowConfirm } from "./follow-confirm";

/**
 * The one-off messages of a landing on /dashboard (after "Monitor <vendor>" and sign-in). The
 * address is anyone's to write, so "you are now monitoring" is said only of a vendor the user
 * does follow.
 */
export async function DashboardNotices({
  params,
  plan,
  following,
}: {
  params: Record<string, string | string[] | undefined>;
  plan: Plan;
  following: string[];
}) {
  const slug = [params.followed, params.refused, params.confirm].find((v): v is string => typeof v === "string");
  if (!slug) return null;
  const vendor = await db.vendor.findUnique({ where: { slug }, select: { slug: true, name: true } });
  if (!vendor) return null;
  if (params.followed) {
    if (!following.includes(vendor.slug)) return null;
    return (
      <Alert tone="success" role="status">
        You are now monitoring {vendor.name}. Choose its components and alerts below.
      </Alert>
    );
  }
  if (params.refused)
    return (
      <Alert tone="error" role="alert">
        {vendor.name} was not added: you are at the limit of {plan.vendorLimit} vendors of the {plan.name} plan. Remove
        a vendor to make room.
      </Alert>
    );
  return <FollowConfirm slug={vendor.slug} name={vendor.name} />;
}
