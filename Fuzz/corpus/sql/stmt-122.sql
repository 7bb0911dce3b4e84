SELECT name FROM items WHERE id NOT IN (SELECT item_id FROM stock) ORDER BY id
