SELECT i.id FROM items i LEFT ANTI JOIN stock s ON i.id = s.item_id ORDER BY i.id
