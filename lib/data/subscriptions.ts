import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isVendorSlug } from "@/lib/domain/slug";
import { IMPACTS, type Impact } from "@/lib/domain/vocabulary";
import { InvalidInputError, NotFoundError, PlanLimitError } from "@/lib/data/errors";
import { nextPlan, planOf } from "@/lib/plans";

/**
 * Following vendors: the one place that creates, changes and removes a user's subscriptions, for
 * the UI and the API alike. Every function takes the acting user's id from the session or token,
 * never from input, and every query is scoped by it.
 */
export const EVENT_MODES = ["every_update", "start_and_resolution"] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export interface SubscriptionPatch {
  /** "all", or the public ids (as in /api/v1/vendors/<slug>) of the chosen components. */
  components?: "all" | string[];
  minimumImpact?: Impact;
  maintenances?: boolean;
  eventMode?: EventMode;
  emailEnabled?: boolean;
}

export interface FollowResult {
  created: boolean;
  /** Vendors the user follows now, and the plan's limit. */
  count: number;
  limit: number;
}

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 10_000, timeout: 15_000 };

async function vendorBySlug(client: Tx, slug: string) {
  if (!isVendorSlug(slug)) throw new NotFoundError(`no vendor "${slug}"`);
  const vendor = await client.vendor.findFirst({ where: { slug, enabled: true }, select: { id: true, name: true } });
  if (!vendor) throw new NotFoundError(`no vendor "${slug}"`);
  return vendor;
}

/** Public component ids of one vendor to our row ids; every id must be a current component. */
async function componentRows(client: Tx, vendor: { id: string; name: string }, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) throw new InvalidInputError("Choose at least one component, or all of them.", "components");
  const rows = await client.component.findMany({
    where: { vendorId: vendor.id, providerId: { in: wanted }, removedAt: null },
    select: { id: true, providerId: true },
  });
  const found = new Set(rows.map((r) => r.providerId));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length)
    throw new InvalidInputError(
      `${vendor.name} has no component ${unknown.map((u) => `"${u}"`).join(", ")}.`,
      "components",
    );
  return rows.map((r) => r.id);
}

async function applyPatch(
  client: Tx,
  subscriptionId: string,
  vendor: { id: string; name: string },
  patch: SubscriptionPatch,
) {
  if (patch.minimumImpact !== undefined && !IMPACTS.includes(patch.minimumImpact))
    throw new InvalidInputError("Unknown minimum impact.", "minimumImpact");
  let componentIds: string[] | null = null;
  if (Array.isArray(patch.components)) componentIds = await componentRows(client, vendor, patch.components);
  if (patch.components !== undefined) {
    await client.subscriptionComponent.deleteMany({ where: { subscriptionId } });
    if (componentIds?.length)
      await client.subscriptionComponent.createMany({
        data: componentIds.map((componentId) => ({ subscriptionId, componentId })),
      });
  }
  await client.subscription.update({
    where: { id: subscriptionId },
    data: {
      ...(patch.components !== undefined ? { componentFilter: componentIds !== null } : {}),
      ...(patch.minimumImpact !== undefined ? { minimumImpact: patch.minimumImpact } : {}),
      ...(patch.maintenances !== undefined ? { maintenances: patch.maintenances } : {}),
      ...(patch.eventMode !== undefined ? { eventMode: patch.eventMode } : {}),
      ...(patch.emailEnabled !== undefined ? { emailEnabled: patch.emailEnabled } : {}),
    },
  });
}

/**
 * Follows a vendor (or, when already followed, applies `patch`). The plan limit is checked in the
 * same transaction as the insert, with the user's row locked, so concurrent requests (two tabs,
 * a script) queue behind each other and can never end above the limit.
 */
export async function followVendor(userId: string, slug: string, patch: SubscriptionPatch = {}): Promise<FollowResult> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      Array<{ plan: string }>
    >`SELECT "plan" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const user = locked[0];
    if (!user) throw new NotFoundError("no such user");
    const plan = planOf(user.plan);
    const vendor = await vendorBySlug(tx, slug);
    const existing = await tx.subscription.findUnique({
      where: { userId_vendorId: { userId, vendorId: vendor.id } },
      select: { id: true },
    });
    const count = await tx.subscription.count({ where: { userId } });
    if (existing) {
      await applyPatch(tx, existing.id, vendor, patch);
      return { created: false, count, limit: plan.vendorLimit };
    }
    if (count >= plan.vendorLimit) {
      const upgrade = nextPlan(plan);
      throw new PlanLimitError(
        plan.vendorLimit,
        count,
        plan.name,
        upgrade && { name: upgrade.name, vendorLimit: upgrade.vendorLimit },
      );
    }
    const created = await tx.subscription.create({ data: { userId, vendorId: vendor.id }, select: { id: true } });
    await applyPatch(tx, created.id, vendor, patch);
    return { created: true, count: count + 1, limit: plan.vendorLimit };
  }, TX);
}

/** Changes how a followed vendor is heard; NotFoundError when the user does not follow it. */
export async function updateSubscription(userId: string, slug: string, patch: SubscriptionPatch): Promise<void> {
  await db.$transaction(async (tx) => {
    const vendor = await vendorBySlug(tx, slug);
    const sub = await tx.subscription.findUnique({
      where: { userId_vendorId: { userId, vendorId: vendor.id } },
      select: { id: true },
    });
    if (!sub) throw new NotFoundError(`you do not follow "${slug}"`);
    await applyPatch(tx, sub.id, vendor, patch);
  }, TX);
}

/** Stops following; NotFoundError when the user did not follow it (or it does not exist). */
export async function unfollowVendor(userId: string, slug: string): Promise<void> {
  if (!isVendorSlug(slug)) throw new NotFoundError(`you do not follow "${slug}"`);
  const { count } = await db.subscription.deleteMany({ where: { userId, vendor: { slug } } });
  if (!count) throw new NotFoundError(`you do not follow "${slug}"`);
}

/** For the vendor page's follow island: one indexed lookup and one count. */
export async function followState(userId: string, slug: string) {
  const [following, count, user] = await Promise.all([
    isVendorSlug(slug) ? db.subscription.count({ where: { userId, vendor: { slug } } }) : 0,
    db.subscription.count({ where: { userId } }),
    db.user.findUnique({ where: { id: userId }, select: { plan: true } }),
  ]);
  return { following: following > 0, count, limit: planOf(user?.plan).vendorLimit };
}
