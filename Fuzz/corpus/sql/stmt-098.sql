SELECT id FROM items WHERE qty > 3 OR qty IS NULL ORDER BY id
