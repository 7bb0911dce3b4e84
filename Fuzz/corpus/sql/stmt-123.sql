SELECT id FROM items i WHERE EXISTS (SELECT 1 FROM stock s WHERE s.item_id = i.id AND s.on_hand > 6) ORDER BY id
