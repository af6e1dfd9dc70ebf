-- AlterTable
-- The subscription's filter columns arrive with 20261201210553_notifications_engine.
ALTER TABLE "Subscription" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
