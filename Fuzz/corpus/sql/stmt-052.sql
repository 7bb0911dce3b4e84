SELECT category, count(*), sum(qty), min(price), max(name) FROM items GROUP BY category ORDER BY category
