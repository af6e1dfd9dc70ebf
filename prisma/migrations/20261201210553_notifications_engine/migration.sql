-- AlterTable
ALTER TABLE "NotificationDelivery" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "subscriptionId" TEXT;

-- AlterTable
ALTER TABLE "NotificationOutbox" ADD COLUMN     "pollId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "emailEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "eventMode" "EventMode" NOT NULL DEFAULT 'every_update',
ADD COLUMN     "maintenances" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "minimumImpact" "Impact" NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "NotificationMessage" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "vendorId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailBatch" (
    "id" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertMemory" (
    "vendorId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "lastAlertAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "peak" INTEGER NOT NULL DEFAULT 0,
    "settleAt" TIMESTAMP(3),

    CONSTRAINT "AlertMemory_pkey" PRIMARY KEY ("vendorId","subject")
);

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMessage_key_key" ON "NotificationMessage"("key");

-- CreateIndex
CREATE INDEX "NotificationMessage_createdAt_idx" ON "NotificationMessage"("createdAt");

-- CreateIndex
CREATE INDEX "EmailBatch_status_nextAttemptAt_idx" ON "EmailBatch"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertMemory_settleAt_idx" ON "AlertMemory"("settleAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_batchId_idx" ON "NotificationDelivery"("batchId");

-- CreateIndex
CREATE INDEX "NotificationDelivery_messageId_idx" ON "NotificationDelivery"("messageId");

-- CreateIndex
CREATE INDEX "NotificationOutbox_pollId_idx" ON "NotificationOutbox"("pollId");

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "NotificationMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "EmailBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertMemory" ADD CONSTRAINT "AlertMemory_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
