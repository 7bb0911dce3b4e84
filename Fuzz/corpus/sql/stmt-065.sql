SELECT i.id, s.warehouse FROM items i LEFT JOIN stock s ON i.id = s.item_id ORDER BY i.id, s.warehouse
