SELECT i.id FROM items i LEFT SEMI JOIN stock s ON i.id = s.item_id ORDER BY i.id
