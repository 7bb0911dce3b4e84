SELECT item_id, x.item_id, stock.item_id FROM (SELECT id AS item_id FROM items) x FULL JOIN stock USING (item_id) ORDER BY item_id
