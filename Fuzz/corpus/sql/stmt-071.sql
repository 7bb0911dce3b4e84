SELECT * FROM (SELECT id AS item_id, name FROM items) x JOIN stock USING (item_id) ORDER BY item_id, warehouse
