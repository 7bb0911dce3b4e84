SELECT coalesce(qty, -1), nullif(qty, 10), if(qty > 5, 'many', 'few') FROM items WHERE id IN (1, 2) ORDER BY id
