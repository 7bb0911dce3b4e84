SELECT id FROM items i WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.item_id = i.id) ORDER BY id
