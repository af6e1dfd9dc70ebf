-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "emailEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "eventMode" "EventMode" NOT NULL DEFAULT 'every_update',
ADD COLUMN     "maintenances" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "minimumImpact" "Impact" NOT NULL DEFAULT 'none',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
