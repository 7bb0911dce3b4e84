SELECT name FROM items WHERE id IN (SELECT item_id FROM stock) ORDER BY name
