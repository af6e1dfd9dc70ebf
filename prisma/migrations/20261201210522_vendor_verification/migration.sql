-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifyResult" TEXT;
