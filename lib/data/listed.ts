import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The vendors the public catalog lists (directory, search, counts, sitemap): enabled ones, and of
 * those a user added by URL only the ones we have read successfully at least once.
 */
export const LISTED_VENDOR = {
  enabled: true,
  OR: [{ userAdded: false }, { lastSuccessAt: { not: null } }],
} satisfies Prisma.VendorWhereInput;
