-- AlterTable
ALTER TABLE "NotificationPreference" ADD COLUMN     "timeZoneSetAt" TIMESTAMP(3);
