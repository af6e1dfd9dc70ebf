import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A vendor of the test's own, so tests sharing one database never see each other's rows. */
export async function createVendor(overrides: Partial<Prisma.VendorCreateInput> = {}) {
  const id = randomUUID().slice(0, 8);
  return db.vendor.create({
    data: {
      slug: `test-${id}`,
      name: `Test Vendor ${id}`,
      statusPageUrl: `http://127.0.0.1:9/${id}`,
      provider: "statuspage",
      ...overrides,
    },
  });
}
