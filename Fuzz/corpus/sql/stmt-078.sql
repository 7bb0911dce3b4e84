SELECT i.id, s.item_id FROM items i RIGHT JOIN stock s ON i.id = s.item_id WHERE i.id IS NULL OR s.on_hand > 6 ORDER BY s.item_id
