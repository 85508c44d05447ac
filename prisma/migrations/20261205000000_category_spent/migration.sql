-- Each category keeps what its transactions and split parts add up to. A month's
-- summary carries the spending of every earlier month of a rolling category's
-- chain: with the sum on the category it reads one row per month, not every
-- transaction of the budget's history.
--
-- Triggers keep it, so no write can forget it: after each statement on
-- "Transaction" or "Split", the change per category (new rows added, old rows
-- taken off) is added to it. A split transaction's own categoryId is null (the
-- API refuses anything else), so it spends through its parts alone, as the
-- summaries count it. The categories are locked in id order first: two
-- statements touching the same categories wait for each other instead of
-- deadlocking.

-- AlterTable
ALTER TABLE "Category" ADD COLUMN "spent" BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION "countCategorySpent"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  deltas bigint[];
BEGIN
  -- Only the transition tables this trigger has may be named (new_rows on insert, old_rows on delete).
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id ORDER BY id), array_agg(delta ORDER BY id) INTO ids, deltas
    FROM (SELECT "categoryId" AS id, sum(amount)::bigint AS delta FROM new_rows GROUP BY 1) changes
    WHERE id IS NOT NULL AND delta <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id ORDER BY id), array_agg(delta ORDER BY id) INTO ids, deltas
    FROM (SELECT "categoryId" AS id, -sum(amount)::bigint AS delta FROM old_rows GROUP BY 1) changes
    WHERE id IS NOT NULL AND delta <> 0;
  ELSE
    SELECT array_agg(id ORDER BY id), array_agg(delta ORDER BY id) INTO ids, deltas
    FROM (
      SELECT id, sum(amount)::bigint AS delta FROM (
        SELECT "categoryId" AS id, amount::bigint AS amount FROM new_rows
        UNION ALL SELECT "categoryId", -amount::bigint FROM old_rows
      ) parts GROUP BY 1
    ) changes
    WHERE id IS NOT NULL AND delta <> 0;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM FROM "Category" WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    UPDATE "Category" c SET spent = c.spent + d.delta FROM unnest(ids, deltas) AS d(id, delta) WHERE c.id = d.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Transaction_spent_insert" AFTER INSERT ON "Transaction" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();
CREATE TRIGGER "Transaction_spent_update" AFTER UPDATE ON "Transaction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();
CREATE TRIGGER "Transaction_spent_delete" AFTER DELETE ON "Transaction" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();
CREATE TRIGGER "Split_spent_insert" AFTER INSERT ON "Split" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();
CREATE TRIGGER "Split_spent_update" AFTER UPDATE ON "Split" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();
CREATE TRIGGER "Split_spent_delete" AFTER DELETE ON "Split" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "countCategorySpent"();

-- What is already there.
UPDATE "Category" c SET spent = s.spent
FROM (
  SELECT "categoryId", sum(amount)::bigint AS spent
  FROM (SELECT "categoryId", amount FROM "Transaction" UNION ALL SELECT "categoryId", amount FROM "Split") parts
  WHERE "categoryId" IS NOT NULL GROUP BY 1
) s
WHERE c.id = s."categoryId";
