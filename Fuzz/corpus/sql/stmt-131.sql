SELECT id FROM items WHERE id < 3 UNION SELECT item_id FROM stock ORDER BY id
