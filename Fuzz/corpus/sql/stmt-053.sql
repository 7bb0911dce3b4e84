SELECT category AS c, count(qty) AS n FROM items GROUP BY c HAVING count(*) > 1 ORDER BY n DESC, c
