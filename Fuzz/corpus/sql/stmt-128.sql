SELECT t.c, t.n FROM (SELECT category AS c, count(*) AS n FROM items GROUP BY category) t WHERE t.n > 1 ORDER BY t.c
