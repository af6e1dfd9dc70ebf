import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";

/**
 * @auth/prisma-adapter over our client, with one change: a new user is created together with
 * what every user has (notification preferences and the email channel whose target is the
 * account address), in one transaction, so no user ever exists without them.
 */
export function accountsAdapter(): Adapter {
  // The adapter is typed against the default @prisma/client output; ours is generated elsewhere
  // with the same models, which is all the adapter touches.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async createUser(data: AdapterUser): Promise<AdapterUser> {
      const email = data.email.trim().toLowerCase();
      return db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email, name: data.name ?? null, image: data.image ?? null, emailVerified: data.emailVerified },
        });
        await tx.notificationPreference.create({ data: { userId: user.id } });
        await tx.notificationChannel.create({
          data: { userId: user.id, type: "email", target: email, verifiedAt: data.emailVerified },
        });
        return { ...user, email };
      });
    },
  };
}
