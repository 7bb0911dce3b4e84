SELECT category FROM items WHERE id > 100 GROUP BY category
