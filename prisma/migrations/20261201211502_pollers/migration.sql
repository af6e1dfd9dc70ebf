-- CreateTable
CREATE TABLE "Poller" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCycleAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Poller_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Poller_lastCycleAt_idx" ON "Poller"("lastCycleAt");
