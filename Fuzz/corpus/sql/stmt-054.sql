SELECT category, count(*) FROM items GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1
