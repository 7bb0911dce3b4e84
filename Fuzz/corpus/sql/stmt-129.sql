WITH cheap AS (SELECT id, name FROM items WHERE price < 1), counted AS (SELECT count(*) AS n FROM cheap)
SELECT c.name, n FROM cheap c, counted ORDER BY c.id
