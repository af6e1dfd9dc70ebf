-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "firstSuccessAt" TIMESTAMP(3);

-- Vendors polled before this column existed: the earliest trace of a successful poll
UPDATE "Vendor" v SET "firstSuccessAt" = LEAST(
  v."lastSuccessAt",
  (SELECT MIN(h."startedAt") FROM "ComponentStatusInterval" h JOIN "Component" c ON c."id" = h."componentId" WHERE c."vendorId" = v."id"),
  (SELECT MIN(i."firstSeenAt") FROM "Incident" i WHERE i."vendorId" = v."id")
)
WHERE v."lastSuccessAt" IS NOT NULL;
