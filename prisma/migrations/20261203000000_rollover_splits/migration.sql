-- Rollover and split transactions (API contract version 2). Existing
-- categories do not roll over; existing transactions have no splits.

-- AlterTable
ALTER TABLE "Category" ADD COLUMN "rollover" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Split" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "transactionId" UUID NOT NULL,
    "categoryId" UUID,
    "position" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Split_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Split_categoryId_idx" ON "Split"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Split_transactionId_position_key" ON "Split"("transactionId", "position");

-- AddForeignKey
ALTER TABLE "Split" ADD CONSTRAINT "Split_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "Transaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Split" ADD CONSTRAINT "Split_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The contract's money rule, as for a transaction's amount (Prisma's schema
-- language has no CHECK constraints).
ALTER TABLE "Split" ADD CONSTRAINT "Split_amount_check" CHECK ("amount" <> 0 AND "amount" BETWEEN -1000000000 AND 1000000000);
