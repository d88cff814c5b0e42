-- A counter row for every year ahead, so that taking a reference only ever updates a row: two first requests of a
-- year on two nodes then wait for each other's row lock instead of racing to insert it (which PostgreSQL would
-- answer by aborting the loser's transaction).
INSERT INTO reference_counter (receipt_year, last_value)
SELECT y, 0 FROM (
  SELECT 2020 + a.n + 10 * b.n AS y
  FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a,
       (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) b
) years
WHERE y NOT IN (SELECT receipt_year FROM reference_counter);
