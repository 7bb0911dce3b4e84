SELECT category, count(*) FROM items GROUP BY 3
