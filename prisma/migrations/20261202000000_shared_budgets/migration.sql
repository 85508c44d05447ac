-- Version 2: shared budgets. Every user gets a "Personal" budget that owns all
-- of their months and plans, and their transactions are marked as theirs. Ids,
-- versions and updatedAt stay as they were, and nothing is deleted. The script
-- is sent as one query, so it is one transaction: a failure leaves the version 1
-- schema and data untouched.

-- CreateEnum
CREATE TYPE "BudgetRole" AS ENUM ('owner', 'editor', 'viewer');

-- CreateTable
CREATE TABLE "Budget" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "budgetId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "BudgetRole" NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("budgetId","userId")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "budgetId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "BudgetRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "usedById" UUID,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- Move the data: one "Personal" budget per user, in the user's currency,
-- created when the user was, with the user as its owner since then.
CREATE TEMPORARY TABLE "PersonalBudget" ON COMMIT DROP AS
    SELECT "id" AS "userId", gen_random_uuid() AS "budgetId", "currency", "createdAt" FROM "User";

INSERT INTO "Budget" ("id", "name", "currency", "createdAt")
    SELECT "budgetId", 'Personal', "currency", "createdAt" FROM "PersonalBudget";

INSERT INTO "Membership" ("budgetId", "userId", "role", "joinedAt")
    SELECT "budgetId", "userId", 'owner', "createdAt" FROM "PersonalBudget";

ALTER TABLE "Month" ADD COLUMN "budgetId" UUID;
UPDATE "Month" SET "budgetId" = p."budgetId" FROM "PersonalBudget" p WHERE p."userId" = "Month"."userId";
ALTER TABLE "Month" ALTER COLUMN "budgetId" SET NOT NULL;

ALTER TABLE "Plan" ADD COLUMN "budgetId" UUID;
UPDATE "Plan" SET "budgetId" = p."budgetId" FROM "PersonalBudget" p WHERE p."userId" = "Plan"."userId";
ALTER TABLE "Plan" ALTER COLUMN "budgetId" SET NOT NULL;

ALTER TABLE "Transaction" ADD COLUMN "createdById" UUID;
UPDATE "Transaction" SET "createdById" = m."userId" FROM "Month" m WHERE m."id" = "Transaction"."monthId";

-- The user now reaches months and plans through the budget.
ALTER TABLE "Month" DROP CONSTRAINT "Month_userId_fkey";
DROP INDEX "Month_userId_year_month_key";
ALTER TABLE "Month" DROP COLUMN "userId";

ALTER TABLE "Plan" DROP CONSTRAINT "Plan_userId_fkey";
DROP INDEX "Plan_userId_year_key";
ALTER TABLE "Plan" DROP COLUMN "userId";

-- CreateIndex
CREATE INDEX "Membership_userId_joinedAt_idx" ON "Membership"("userId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_budgetId_createdAt_idx" ON "Invite"("budgetId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Month_budgetId_year_month_key" ON "Month"("budgetId", "year", "month");

-- CreateIndex
CREATE INDEX "Transaction_createdById_idx" ON "Transaction"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_budgetId_year_key" ON "Plan"("budgetId", "year");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Month" ADD CONSTRAINT "Month_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
