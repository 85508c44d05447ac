-- Statement import: a transaction imported from a bank statement keeps the
-- bank's id of its line, unique in its budget (importBudgetId is the month's
-- budget, set with it; a transaction typed by hand has neither), and each
-- budget has its categorization rules.

-- CreateEnum
CREATE TYPE "RuleMatch" AS ENUM ('contains', 'equals', 'startsWith');

-- AlterTable
ALTER TABLE "Transaction" ADD COLUMN "importId" TEXT,
ADD COLUMN "importBudgetId" UUID;

-- CreateTable
CREATE TABLE "Rule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "budgetId" UUID NOT NULL,
    "match" "RuleMatch" NOT NULL,
    "text" TEXT NOT NULL,
    "categoryName" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_importBudgetId_importId_key" ON "Transaction"("importBudgetId", "importId");

-- CreateIndex
CREATE INDEX "Rule_budgetId_sortOrder_createdAt_id_idx" ON "Rule"("budgetId", "sortOrder", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_importBudgetId_fkey" FOREIGN KEY ("importBudgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
