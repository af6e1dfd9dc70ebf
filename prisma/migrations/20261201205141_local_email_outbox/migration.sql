-- CreateTable
CREATE TABLE "LocalEmail" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LocalEmail_idempotencyKey_key" ON "LocalEmail"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LocalEmail_to_createdAt_idx" ON "LocalEmail"("to", "createdAt");

-- CreateIndex
CREATE INDEX "LocalEmail_createdAt_idx" ON "LocalEmail"("createdAt");
