SELECT DISTINCT category FROM items ORDER BY category
