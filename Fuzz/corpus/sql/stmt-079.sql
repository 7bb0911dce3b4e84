SELECT i.id, s.warehouse FROM items i FULL JOIN stock s ON i.id = s.item_id WHERE i.category = 'fruit' AND (s.on_hand < 6 OR s.on_hand IS NULL) ORDER BY i.id
