import { Prisma } from '../generated/prisma/client'

// What the transactions chosen by `where` (on "Transaction" t) spend, and
// where: a split transaction through its parts, any other one itself. Columns
// "monthId", "categoryId", amount; every sum of spending reads through it.
export const spentPartsSql = (where: Prisma.Sql) => Prisma.sql`
  SELECT t."monthId",
    CASE WHEN p.id IS NULL THEN t."categoryId" ELSE p."categoryId" END AS "categoryId",
    CASE WHEN p.id IS NULL THEN t.amount ELSE p.amount END AS amount
  FROM "Transaction" t LEFT JOIN "Split" p ON p."transactionId" = t.id
  WHERE ${where}`
