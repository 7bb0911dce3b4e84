SELECT name, count(*) FROM items GROUP BY category
