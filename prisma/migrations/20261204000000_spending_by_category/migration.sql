-- A month's summary adds up what every earlier category carrying over spent:
-- with the amount in the category indexes it reads them alone, not the rows.

-- DropIndex
DROP INDEX "Split_categoryId_idx";

-- DropIndex
DROP INDEX "Transaction_categoryId_idx";

-- CreateIndex
CREATE INDEX "Split_categoryId_amount_idx" ON "Split"("categoryId", "amount");

-- CreateIndex
CREATE INDEX "Transaction_categoryId_amount_idx" ON "Transaction"("categoryId", "amount");
