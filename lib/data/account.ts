import { db } from "@/lib/db";

/** "Upgrade" to Pro while payments do not exist: note the wish, once. */
export async function joinWaitlist(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, waitlistedAt: null }, data: { waitlistedAt: new Date() } });
}
